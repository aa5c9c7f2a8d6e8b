// "Nghe đọc bài": the browser reads the bulletin aloud in Vietnamese (speechSynthesis, no server part). The button is
// hidden in the page and shown only once the browser lists a Vietnamese voice (voices may arrive later: voiceschanged).
(function () {
  var button = document.querySelector("[data-read-aloud]");
  if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
    return;
  }
  var synth = window.speechSynthesis;
  var status = document.querySelector("[data-read-aloud-status]");
  var voice = null;
  var state = "idle"; // idle | speaking | paused

  function findVoice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().replace("_", "-").indexOf("vi") === 0) {
        return voices[i];
      }
    }
    return null;
  }

  function reveal() {
    voice = voice || findVoice();
    if (voice) {
      button.hidden = false;
    }
  }

  function show(newState) {
    state = newState;
    button.textContent = state === "speaking" ? "Tạm dừng đọc" : state === "paused" ? "Đọc tiếp" : "Nghe đọc bài";
    button.setAttribute("aria-pressed", state === "idle" ? "false" : "true");
    if (status) {
      status.textContent = state === "speaking" ? "Đang đọc bài." : state === "paused" ? "Đã tạm dừng." : "";
    }
  }

  // Short pieces (paragraphs, then sentences): some browsers stop a long utterance after about fifteen seconds.
  function pieces() {
    var parts = [];
    document.querySelectorAll("[data-read-aloud-text]").forEach(function (element) {
      var blocks = element.querySelectorAll("p, li, h2, h3, h4, td");
      var texts = blocks.length ? Array.prototype.map.call(blocks, function (b) { return b.textContent; }) : [element.textContent];
      texts.forEach(function (text) {
        (text.replace(/\s+/g, " ").match(/[^.!?…]+[.!?…]*/g) || []).forEach(function (sentence) {
          if (sentence.trim().length > 0) { parts.push(sentence.trim()); }
        });
      });
    });
    return parts;
  }

  function start() {
    var parts = pieces();
    if (parts.length === 0) { return; }
    synth.cancel();
    parts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "vi-VN";
      utterance.voice = voice;
      utterance.rate = 0.95;
      if (index === parts.length - 1) {
        utterance.addEventListener("end", function () { show("idle"); });
      }
      utterance.addEventListener("error", function () { show("idle"); });
      synth.speak(utterance);
    });
    show("speaking");
  }

  button.addEventListener("click", function () {
    if (state === "speaking") {
      synth.pause();
      show("paused");
    } else if (state === "paused") {
      synth.resume();
      show("speaking");
    } else {
      start();
    }
  });

  window.addEventListener("pagehide", function () { synth.cancel(); });
  reveal();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", reveal);
  } else {
    synth.onvoiceschanged = reveal;
  }
})();
