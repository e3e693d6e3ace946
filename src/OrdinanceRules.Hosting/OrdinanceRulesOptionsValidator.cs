using Microsoft.Extensions.Options;

namespace OrdinanceRules.Hosting;

/// <summary>Checks the options when the host starts: each failure says which option and how to fix it.</summary>
internal sealed class OrdinanceRulesOptionsValidator : IValidateOptions<OrdinanceRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdinanceRulesOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            failures.Add("OrdinanceRulesOptions.Folder is required: set it to the folder of ordinance files, such as options.Folder = \"ordinances\"");
        }
        else if (!Directory.Exists(options.Folder))
        {
            failures.Add($"OrdinanceRulesOptions.Folder '{options.Folder}' is not a folder (full path '{Path.GetFullPath(options.Folder)}'); create it or correct the path");
        }
        else if (OrdinanceCatalog.OrdinanceFiles(options.Folder).Count == 0)
        {
            failures.Add($"OrdinanceRulesOptions.Folder '{options.Folder}' holds no ordinance file (*.yaml or *.yml directly in it)");
        }

        foreach (var law in options.HigherLaws.Where(l => !File.Exists(l)))
        {
            failures.Add($"OrdinanceRulesOptions.HigherLaws names '{law}', which is not a file");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"OrdinanceRulesOptions.ReloadDelay must be from 0 to 1 minute, not {options.ReloadDelay}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
