#!/usr/bin/env bash
# Stock WordPress from Debian's packages (nginx, PHP-FPM, MariaDB, no page-cache plugin), set up on 127.0.0.1 for
# scripts/benchmark.sh to measure beside the portal. Usage:
#   scripts/benchmark-wordpress.sh start PORT   installs if needed, starts, creates one bulletin; prints "POST=/?p=N"
#   scripts/benchmark-wordpress.sh stop
# Needs root (apt-get, services). Everything it starts listens on 127.0.0.1 only.
set -euo pipefail
ACTION=${1:-}
PORT=${2:-18380}
WORK=/tmp/d5-wordpress
DB=d5bench
DB_USER=d5bench
DB_PASSWORD=d5bench-local-only

stop() {
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  [ -f "$WORK/php-fpm.pid" ] && kill "$(cat "$WORK/php-fpm.pid")" 2>/dev/null || true
  if [ -f "$WORK/run/mariadb.pid" ]; then
    kill "$(cat "$WORK/run/mariadb.pid")" 2>/dev/null || true
    sleep 2
  fi
}

if [ "$ACTION" = "stop" ]; then
  stop
  exit 0
fi

if ! command -v mariadbd >/dev/null || ! command -v php-fpm8.2 >/dev/null || ! command -v nginx >/dev/null || [ ! -d /usr/share/wordpress ]; then
  echo "Installing wordpress nginx php-fpm php-mysql mariadb-server (Debian packages)..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordpress nginx php-fpm php-mysql mariadb-server >/dev/null
fi

stop
mkdir -p "$WORK/run"
chown mysql:mysql "$WORK/run"

# MariaDB on its socket only (no TCP), its own data folder so nothing else is touched.
if [ ! -d "$WORK/mysql" ]; then
  mariadb-install-db --user=mysql --datadir="$WORK/mysql" >/dev/null 2>&1
fi
chown -R mysql:mysql "$WORK/mysql"
mariadbd --user=mysql --datadir="$WORK/mysql" --socket="$WORK/run/mysqld.sock" --skip-networking \
  --pid-file="$WORK/run/mariadb.pid" --log-error="$WORK/run/mariadb.log" >/dev/null 2>&1 &
for _ in $(seq 1 100); do [ -S "$WORK/run/mysqld.sock" ] && break; sleep 0.2; done
SQL="mariadb --socket=$WORK/run/mysqld.sock -uroot"
$SQL -e "CREATE DATABASE IF NOT EXISTS $DB CHARACTER SET utf8mb4;
  CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON $DB.* TO '$DB_USER'@'localhost'; FLUSH PRIVILEGES;"

# Debian's wp-config.php reads /etc/wordpress/config-<host>.php.
cat >/etc/wordpress/config-127.0.0.1.php <<PHP
<?php
define('DB_NAME', '$DB');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$WORK/run/mysqld.sock');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_HOME', 'http://127.0.0.1:$PORT');
define('WP_SITEURL', 'http://127.0.0.1:$PORT');
PHP

# PHP-FPM with Debian's default pool settings, on its own socket.
cat >"$WORK/php-fpm.conf" <<CONF
[global]
pid = $WORK/php-fpm.pid
error_log = $WORK/php-fpm.log
[www]
user = www-data
group = www-data
listen = $WORK/php-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = dynamic
pm.max_children = 5
pm.start_servers = 2
pm.min_spare_servers = 1
pm.max_spare_servers = 3
CONF
php-fpm8.2 --fpm-config "$WORK/php-fpm.conf" -D

cat >"$WORK/nginx.conf" <<CONF
user www-data;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  server {
    listen 127.0.0.1:$PORT;
    root /usr/share/wordpress;
    index index.php;
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_param HTTP_HOST \$http_host;
      fastcgi_pass unix:$WORK/php-fpm.sock;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf"

BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 50); do curl -s -o /dev/null "$BASE/wp-admin/install.php" && break; sleep 0.2; done
if ! $SQL -N -e "SELECT 1 FROM $DB.wp_options LIMIT 1" >/dev/null 2>&1; then
  curl -s -o /dev/null --data-urlencode "weblog_title=Tin tức Quận 5" --data-urlencode "user_name=benchmark" \
    --data-urlencode "admin_password=Bench-$(date +%s)-Local" --data-urlencode "admin_password2=Bench-$(date +%s)-Local" \
    --data-urlencode "pw_weak=1" --data-urlencode "admin_email=benchmark@quan5.local" --data-urlencode "blog_public=0" \
    --data-urlencode "language=" "$BASE/wp-admin/install.php?step=2"
fi

# One bulletin of the same kind as the portal's, as a published post.
POST_ID=$($SQL -N $DB -e "SELECT ID FROM wp_posts WHERE post_name='ban-tuyen-giao-quan-uy' LIMIT 1")
if [ -z "$POST_ID" ]; then
  $SQL $DB -e "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status,
      comment_status, ping_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type)
    VALUES (1, NOW(), UTC_TIMESTAMP(), '<p>Sáng nay, Ban Tuyên giáo Quận ủy tổ chức hội nghị triển khai nhiệm vụ tuyên truyền năm 2027 với sự tham dự của đại diện các phường.</p><p>Các đại biểu thống nhất kế hoạch tuyên truyền trên địa bàn, tập trung vào cải cách hành chính, an toàn giao thông và phòng cháy chữa cháy tại khu dân cư.</p><p>Phát biểu chỉ đạo, lãnh đạo quận đề nghị các phường chủ động nắm tình hình dư luận, kịp thời thông tin đến người dân.</p>',
      'Ban Tuyên giáo Quận ủy triển khai nhiệm vụ năm 2027', '', 'publish', 'open', 'open', 'ban-tuyen-giao-quan-uy', '', '', NOW(), UTC_TIMESTAMP(), '', 'post')"
  POST_ID=$($SQL -N $DB -e "SELECT ID FROM wp_posts WHERE post_name='ban-tuyen-giao-quan-uy' LIMIT 1")
fi
curl -fs -o /dev/null "$BASE/?p=$POST_ID"
echo "POST=/?p=$POST_ID"
