import Foundation
import Mustache

/// A problem with the Markdown template.
struct TemplateError: Error, CustomStringConvertible {
    let path: String
    let message: String
    var description: String { "报告模板 \(path)：\(message)" }
}

/// Renders the Markdown bulletin from a Mustache template (ASCII tag names, Chinese values).
struct MarkdownReport {
    /// How many rows the A级 and 未办结 lists show at most (the workbook has them all).
    static let listLimit = 300
    /// How many 数据问题 rows are listed at most (the CSV has them all).
    static let problemLimit = 200
    /// How many characters of 诉求内容 a Markdown cell shows.
    static let contentLimit = 60

    let template: MustacheTemplate

    /// A report using template text; `source` names it in errors.
    init(templateText: String, source: String) throws {
        MarkdownReport.registerContentType()
        var text = templateText
        if !text.contains("CONTENT_TYPE") { text = "{{% CONTENT_TYPE: MARKDOWN}}\n" + text }
        do {
            template = try MustacheTemplate(string: text)
        } catch {
            throw TemplateError(path: source, message: "模板语法有误（\(error)）。请对照 ReportTemplates/bulletin.md.mustache 检查。")
        }
    }

    /// The built-in template.
    static func builtIn() throws -> MarkdownReport {
        try MarkdownReport(templateText: DefaultTemplate.text, source: "内置模板")
    }

    /// Loads a template file.
    static func load(path: String) throws -> MarkdownReport {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(path: path, message: "无法读取模板文件（不存在或不是 UTF-8）。")
        }
        return try MarkdownReport(templateText: text, source: path)
    }

    /// Renders the bulletin.
    func render(_ data: BulletinData, gradeA: [ReportDemand], unresolved: [ReportDemand]) -> String {
        template.render(MarkdownReport.context(data, gradeA: gradeA, unresolved: unresolved))
    }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    static func registerContentType() { _ = registration }

    /// Escapes every `{{value}}` for a Markdown table cell.
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownEscaping.cell(text) }
    }
}
