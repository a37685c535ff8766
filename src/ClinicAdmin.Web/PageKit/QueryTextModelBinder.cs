using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace ClinicAdmin.Web.PageKit;

/// <summary>
/// Text bound on a GET (filters and searches) loses any NUL character: no one can type one, and PostgreSQL refuses it
/// in any text parameter, so a crafted "q=a%00b" answered 500 on every filter (the full hostile pass on PostgreSQL).
/// The search then runs on what is left. Posted forms keep their own validation, which shows what was typed.
/// </summary>
public sealed class QueryTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new QueryTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;

    private sealed class QueryTextModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result is { IsModelSet: true, Model: string text } && text.Contains('\0')
                && (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)))
                context.Result = ModelBindingResult.Success(text.Replace("\0", ""));
        }
    }
}
