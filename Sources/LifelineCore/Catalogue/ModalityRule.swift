/// How the importers read a model's document and attachment fields by its modalities,
/// before its fields meet the capability aliases. `file-upload` means documents; a flag
/// that says "takes attachments" on a model whose only other inputs are images or audio
/// is vision or voice, which those inputs already map to; and a model that draws images
/// ships no file upload, whatever its fields claim.
public enum ModalityRule: String, CaseIterable, Comparable, Sendable {
    /// Takes documents (models.dev's `pdf` input, LiteLLM's `supports_pdf_input`): file-upload.
    case documents
    /// `attachment` on a model whose other inputs include images but no documents: vision only.
    case attachmentIsImages = "attachment-is-images"
    /// `attachment` on a model whose other inputs include audio but no documents or images: voice only.
    case attachmentIsAudio = "attachment-is-audio"
    /// `attachment` on a model that takes no documents, images or audio (text or video
    /// only, or inputs not listed): ignored.
    case attachmentIgnored = "attachment-ignored"
    /// A model whose output is images: its document fields are ignored, it ships no file-upload.
    case imageOutput = "image-output"

    /// The catalogue fields that say a model takes documents or attachments.
    static let documentFields: Set<String> = ["attachment", "input:pdf", "supports_pdf_input"]
    /// The catalogue fields that say a model's output is images.
    static let imageOutputFields: Set<String> = ["output:image", "mode:image_generation"]

    /// Rewrites `flags` by the rules and returns those that decided something. `inputs`
    /// are models.dev's input modalities, nil when the entry lists none (LiteLLM never
    /// does; its document field is `supports_pdf_input`).
    public static func apply(to flags: inout Set<String>, inputs: [String]?) -> Set<ModalityRule> {
        var rules = Set<ModalityRule>()
        if flags.contains("attachment") {
            flags.remove("attachment")
            let inputs = Set((inputs ?? []).map { $0.lowercased() })
            if inputs.contains("pdf") {
                // input:pdf says it, and maps to file-upload.
            } else if inputs.contains("image") {
                rules.insert(.attachmentIsImages)
            } else if inputs.contains("audio") {
                rules.insert(.attachmentIsAudio)
            } else {
                rules.insert(.attachmentIgnored)
            }
        }
        if !flags.isDisjoint(with: imageOutputFields) {
            if !flags.isDisjoint(with: documentFields) {
                rules.insert(.imageOutput)
                flags.subtract(documentFields)
            }
        } else if !flags.isDisjoint(with: documentFields) {
            rules.insert(.documents)
        }
        return rules
    }

    /// What the rule does, for the import's summary and docs/import.md.
    public var summary: String {
        switch self {
        case .documents: "documents as file-upload"
        case .attachmentIsImages: "attachments of images as vision, not file-upload"
        case .attachmentIsAudio: "attachments of audio as voice, not file-upload"
        case .attachmentIgnored: "attachments without documents, images or audio ignored"
        case .imageOutput: "document fields of image generators ignored"
        }
    }

    public static func < (lhs: ModalityRule, rhs: ModalityRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
