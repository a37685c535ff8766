using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// Yes/no fields (checkboxes) with a value that is not true/false, e.g. a tampered post of "maybe": the default binder
/// records the error but keeps "maybe" as the attempted value, and the checkbox tag helper then throws a
/// FormatException while re-showing the form (a 500). This binder keeps the error and re-shows the box unticked.
/// </summary>
public sealed class YesNoModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool)
            ? new YesNoModelBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class YesNoModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            var key = context.ModelName;
            if (context.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 && !bool.TryParse(entry.AttemptedValue, out _))
            {
                context.ModelState.SetModelValue(key, "false", "false");
                entry.Errors.Clear();
                context.ModelState.AddModelError(key, $"{context.ModelMetadata.GetDisplayName()} is yes or no.");
            }
        }
    }
}
