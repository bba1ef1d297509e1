pytest_plugins = ["inburgering.shared.testing.plugin"]
