using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace District5News.Web.Hosting;

/// <summary>
/// MVC's own messages in Vietnamese: the model binder's ("The value 'abc' is not valid for Page.") and the validation
/// attributes' defaults ("The field Email must be a string with a maximum length of 256."), including the [Required]
/// MVC adds by itself to non-nullable properties. An attribute with its own ErrorMessage keeps it.
/// </summary>
public static class VietnameseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(name => $"Thiếu giá trị cho “{name}”.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Yêu cầu không có nội dung.");
        messages.SetValueMustNotBeNullAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetAttemptedValueIsInvalidAccessor((value, name) => $"Giá trị “{value}” không hợp lệ cho “{name}”.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetUnknownValueIsInvalidAccessor(name => $"Giá trị nhập cho “{name}” không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị nhập không hợp lệ.");
        messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(name => $"“{name}” phải là một số.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
    }

    /// <summary>The Vietnamese default of a validation attribute ({0} the field's display name), or null to keep its own.</summary>
    public static string? DefaultMessage(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => "Vui lòng nhập {0}.",
        StringLengthAttribute { MinimumLength: > 0 } => "{0} phải dài từ {2} đến {1} ký tự.",
        StringLengthAttribute => "{0} dài tối đa {1} ký tự.",
        MaxLengthAttribute => "{0} dài tối đa {1} ký tự.",
        MinLengthAttribute => "{0} phải có ít nhất {1} ký tự.",
        RangeAttribute => "{0} phải nằm trong khoảng từ {1} đến {2}.",
        EmailAddressAttribute => "{0} không phải là địa chỉ email hợp lệ.",
        CompareAttribute => "{0} và {1} không khớp.",
        RegularExpressionAttribute => "{0} không đúng định dạng.",
        DataTypeAttribute => null,
        _ => "{0} không hợp lệ.",
    };
}

/// <summary>Gives every validation attribute without a message of its own the Vietnamese default.</summary>
public sealed class VietnameseValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (string.IsNullOrEmpty(attribute.ErrorMessage) && attribute.ErrorMessageResourceType is null
                && VietnameseBindingMessages.DefaultMessage(attribute) is { } message)
            {
                attribute.ErrorMessage = message;
            }
        }
    }
}
