/// The program's version, printed by `lifeline --version`.
enum LifelineVersion {
    static let current = "0.1.0"
}
