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
