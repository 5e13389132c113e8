// The report writers' errors and their exit statuses (SPEC §5).

extension TemplateError: MinqingError {
    /// A template that cannot be read or parsed is a usage error.
    var exitStatus: ExitStatus { .usage }
}

extension OutputError: MinqingError {
    /// Reports (or the lock file) that cannot be written refuse the run.
    var exitStatus: ExitStatus { .refused }
}

extension XlsxError: MinqingError {
    /// A workbook that cannot be written refuses the run.
    var exitStatus: ExitStatus { .refused }
}
