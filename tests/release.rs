//! Installing without compiling: the release workflow, the GitHub Action and the binstall
//! metadata agree on one archive layout, and the Action's download logic
//! (`scripts/install-release.sh`) installs from a release, verifies its checksum and falls
//! back when there is none — run here against a release laid out under a `file://` URL.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yaml(path: &str) -> Yaml {
    let text = std::fs::read_to_string(repo().join(path)).expect(path);
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(docs.len(), 1, "{path}: one document");
    docs.remove(0)
}

#[test]
fn the_workflow_action_and_hook_parse_and_agree() {
    let workflow = yaml(".github/workflows/release.yml");
    let targets: Vec<&str> = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a build matrix")
        .iter()
        .map(|t| t["target"].as_str().expect("a target"))
        .collect();
    for needed in [
        "x86_64-unknown-linux-gnu",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(targets.contains(&needed), "the release builds {needed}");
    }
    let steps = workflow["jobs"]["build"]["steps"].as_vec().expect("steps");
    let package = steps
        .iter()
        .find(|s| s["name"].as_str() == Some("Package"))
        .and_then(|s| s["run"].as_str())
        .expect("a Package step");
    assert!(package.contains("name=\"claimcheck-${{ matrix.target }}\""));
    assert!(package.contains(".tar.gz") && package.contains(".zip") && package.contains(".sha256"));
    // The profile-optimised build leaves its binary where the plain one would be, which is
    // where Package takes it from.
    let build = steps
        .iter()
        .find(|s| s["name"].as_str() == Some("Build"))
        .and_then(|s| s["run"].as_str())
        .expect("a Build step");
    let built = "target/${{ matrix.target }}/release/claimcheck";
    assert!(build.contains(&format!("scripts/build-pgo.sh \"{built}\"")));
    assert!(package.contains(&format!("cp \"{built}$exe\"")));
    assert!(
        repo().join("scripts/build-pgo.sh").is_file(),
        "the script the Build step runs"
    );

    // The Python package: a wheel for each target the binaries are built for, from the
    // package's own manifest, attached to the release and published from the artifacts.
    let wheels = &workflow["jobs"]["wheels"];
    let wheel_targets: Vec<&str> = wheels["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a wheels matrix")
        .iter()
        .map(|t| t["target"].as_str().expect("a target"))
        .collect();
    assert_eq!(wheel_targets, targets, "a wheel for every binary's target");
    let wheel_steps = wheels["steps"].as_vec().expect("wheel steps");
    let build_wheel = wheel_steps
        .iter()
        .find(|s| s["name"].as_str() == Some("Build wheel"))
        .expect("a Build wheel step");
    assert!(
        build_wheel["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("PyO3/maturin-action@"))
    );
    let args = build_wheel["with"]["args"]
        .as_str()
        .expect("maturin's arguments");
    assert!(args.contains("--release") && args.contains("--out dist"));
    let manifest = "crates/claimcheck-py/Cargo.toml";
    assert!(args.contains(&format!("-m {manifest}")));
    let py_manifest = std::fs::read_to_string(repo().join(manifest)).expect("the package");
    assert!(
        py_manifest.contains("abi3-py39"),
        "one wheel serves every CPython from 3.9"
    );
    assert!(
        wheel_steps
            .iter()
            .filter_map(|s| s["run"].as_str())
            .any(|r| r.contains("gh release upload") && r.contains("dist/*.whl")),
        "the wheels are attached to the release"
    );
    // jemalloc on Linux for ARM is built for pages of up to 64 KB, in the binaries and the
    // wheels, before either is built.
    for job in ["build", "wheels"] {
        let steps = workflow["jobs"][job]["steps"].as_vec().expect("steps");
        let page = steps
            .iter()
            .position(|s| s["name"].as_str() == Some("Page size"))
            .unwrap_or_else(|| panic!("{job}: a Page size step"));
        let step = &steps[page];
        assert_eq!(
            step["if"].as_str(),
            Some("matrix.target == 'aarch64-unknown-linux-gnu'"),
            "{job}"
        );
        assert_eq!(
            step["run"].as_str().map(str::trim),
            Some("echo \"JEMALLOC_SYS_WITH_LG_PAGE=16\" >> \"$GITHUB_ENV\""),
            "{job}"
        );
        let build = steps
            .iter()
            .position(|s| matches!(s["name"].as_str(), Some("Build" | "Build wheel")))
            .expect("a build step");
        assert!(page < build, "{job}: the page size is set before building");
    }
    let pypi = &workflow["jobs"]["pypi"];
    assert_eq!(pypi["needs"].as_str(), Some("wheels"));
    assert_eq!(pypi["permissions"]["id-token"].as_str(), Some("write"));
    assert!(
        pypi["steps"]
            .as_vec()
            .expect("pypi steps")
            .iter()
            .any(|s| s["uses"].as_str() == Some("pypa/gh-action-pypi-publish@release/v1"))
    );

    let action = yaml("action.yml");
    let install = action["runs"]["steps"][0]["run"]
        .as_str()
        .expect("an install step");
    assert!(
        install.contains("scripts/install-release.sh"),
        "the Action downloads first"
    );
    assert!(
        install.contains("cargo install"),
        "and builds only as a fallback"
    );

    let hooks = yaml(".pre-commit-hooks.yaml");
    assert_eq!(hooks[0]["id"].as_str(), Some("claimcheck"));

    let manifest =
        std::fs::read_to_string(repo().join("crates/claimcheck/Cargo.toml")).expect("the manifest");
    let binstall: toml::Value = toml::from_str(&manifest).expect("the manifest parses");
    let meta = &binstall["package"]["metadata"]["binstall"];
    assert_eq!(
        meta["pkg-url"].as_str(),
        Some("{ repo }/releases/download/v{ version }/claimcheck-{ target }{ archive-suffix }")
    );
    assert_eq!(
        meta["bin-dir"].as_str(),
        Some("claimcheck-{ target }/{ bin }{ binary-ext }")
    );
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Lays out a release of a stand-in binary as the workflow would, under `root/VERSION/`.
fn fake_release(root: &Path, version: &str, target: &str, corrupt_checksum: bool) {
    let dir = root.join(version);
    let name = format!("claimcheck-{target}");
    let staging = root.join("staging").join(&name);
    std::fs::create_dir_all(&staging).expect("staging");
    std::fs::create_dir_all(&dir).expect("release folder");
    std::fs::write(
        staging.join("claimcheck"),
        "#!/bin/sh\necho 'claimcheck 9.9.9 (stand-in)'\n",
    )
    .expect("stand-in binary");
    let archive = dir.join(format!("{name}.tar.gz"));
    let tar = Command::new("tar")
        .arg("czf")
        .arg(&archive)
        .arg("-C")
        .arg(root.join("staging"))
        .arg(&name)
        .status()
        .expect("tar runs");
    assert!(tar.success());
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .output()
        .expect("sha256sum runs");
    let mut line = String::from_utf8(sum.stdout).expect("UTF-8");
    if corrupt_checksum {
        line.replace_range(0..1, if line.starts_with('0') { "1" } else { "0" });
    }
    std::fs::write(dir.join(format!("{name}.tar.gz.sha256")), line).expect("checksum");
}

fn install(base: &Path, version: &str, bin: &Path) -> std::process::Output {
    Command::new("bash")
        .arg(repo().join("scripts/install-release.sh"))
        .arg(version)
        .arg(bin)
        .env(
            "CLAIMCHECK_RELEASE_BASE",
            format!("file://{}", base.display()),
        )
        .env("CLAIMCHECK_OS", "Linux")
        .env("CLAIMCHECK_ARCH", "X64")
        .output()
        .expect("bash runs")
}

#[cfg(unix)]
#[test]
fn the_action_installs_a_release_from_a_local_url_and_falls_back_without_one() {
    if !["curl", "tar", "sha256sum"].iter().all(|t| have(t)) {
        let _ = writeln!(
            std::io::stderr(),
            "skipped: curl, tar and sha256sum are needed to test the download"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("a folder");
    let releases = dir.path().join("releases");
    fake_release(&releases, "v9.9.9", "x86_64-unknown-linux-gnu", false);
    let bin = dir.path().join("bin");

    let ok = install(&releases, "v9.9.9", &bin);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let ran = Command::new(bin.join("claimcheck"))
        .output()
        .expect("installed binary runs");
    assert_eq!(
        String::from_utf8_lossy(&ran.stdout).trim(),
        "claimcheck 9.9.9 (stand-in)"
    );

    // No release for that version: exit 1, so the Action builds from source instead.
    let missing = install(&releases, "v0.0.1", &dir.path().join("bin2"));
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no release binary"));

    // A checksum that does not match: exit 2 and nothing installed.
    let bad = dir.path().join("bad");
    fake_release(&bad, "v9.9.9", "x86_64-unknown-linux-gnu", true);
    let refused = install(&bad, "v9.9.9", &dir.path().join("bin3"));
    assert_eq!(refused.status.code(), Some(2));
    assert!(!dir.path().join("bin3/claimcheck").exists());
}
