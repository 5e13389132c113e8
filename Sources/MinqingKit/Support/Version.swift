/// The version of minqing printed by `minqing --version`.
public let minqingVersion = "0.1.0"
