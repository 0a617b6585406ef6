//! The toolchain is pinned in .ci/versions.env; Cargo.toml and Trunk.toml must agree with it,
//! or trunk tries to download a matching tool and the build fails offline.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

fn pinned(name: &str) -> String {
    let env = fs::read_to_string(".ci/versions.env").expect(".ci/versions.env");
    env.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("{name} missing from .ci/versions.env"))
        .trim()
        .to_string()
}

#[test]
fn cargo_pins_the_same_wasm_bindgen_as_the_cli() {
    let cargo = fs::read_to_string("Cargo.toml").unwrap();
    let want = format!("wasm-bindgen = \"={}\"", pinned("WASM_BINDGEN_VERSION"));
    assert!(cargo.contains(&want), "Cargo.toml must contain {want}");
}

#[test]
fn trunk_uses_the_pinned_tools() {
    let trunk = fs::read_to_string("Trunk.toml").unwrap();
    let bindgen = format!("wasm_bindgen = \"{}\"", pinned("WASM_BINDGEN_VERSION"));
    let opt = format!("wasm_opt = \"{}\"", pinned("WASM_OPT_VERSION"));
    assert!(
        trunk.contains(&bindgen),
        "Trunk.toml must contain {bindgen}"
    );
    assert!(trunk.contains(&opt), "Trunk.toml must contain {opt}");
}

#[test]
fn wasm_opt_comes_from_the_binaryen_npm_package_of_that_version() {
    let package = fs::read_to_string("package.json").unwrap();
    let version = pinned("WASM_OPT_VERSION");
    let number = version.trim_start_matches("version_");
    assert!(
        package.contains(&format!("\"binaryen\": \"{number}.0.0\"")),
        "package.json must pin binaryen {number}.0.0 for wasm-opt {version}"
    );
}

#[test]
fn bootstrap_installs_the_pinned_geckodriver() {
    let version = pinned("GECKODRIVER_VERSION");
    let exact = version.split('.').count() == 3
        && version.split('.').all(|part| part.parse::<u32>().is_ok());
    assert!(
        exact,
        "GECKODRIVER_VERSION must be an exact version, not {version}"
    );
    let bootstrap = fs::read_to_string(".ci/bootstrap").unwrap();
    let install = "cargo install geckodriver --version \"$GECKODRIVER_VERSION\"";
    assert!(
        bootstrap.contains(install),
        ".ci/bootstrap must install geckodriver with {install}"
    );
}

#[test]
fn npm_test_tools_are_pinned_exactly() {
    let package: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("package.json").unwrap()).unwrap();
    let tools = package["devDependencies"]
        .as_object()
        .expect("package.json has devDependencies");
    assert!(tools.contains_key("selenium-webdriver"));
    for (name, version) in tools {
        let version = version.as_str().unwrap_or_default();
        let exact = !version.is_empty() && version.chars().all(|c| c.is_ascii_digit() || c == '.');
        assert!(
            exact,
            "package.json must pin {name} exactly, not \"{version}\""
        );
    }
}
