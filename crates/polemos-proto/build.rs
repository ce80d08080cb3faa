//! Compiles `proto/polemos/v1/*.proto` with protox (pure Rust, no system protoc), generates the
//! tonic/prost code, and writes the encoded file descriptor set that server reflection serves.

use std::path::{Path, PathBuf};

use prost::Message;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../../proto");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    // Cargo only watches the folder's direct entries, so name every file as well.
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root.join("polemos/v1"), &mut files)?;
    files.sort();
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let fds = protox::compile(&files, [&root])?;
    // The `services` feature: without it, the messages only (no tonic in the dependency tree).
    let services = std::env::var_os("CARGO_FEATURE_SERVICES").is_some();
    std::fs::write(out.join("polemos_descriptor.bin"), fds.encode_to_vec())?;
    tonic_prost_build::configure()
        .build_client(services)
        .build_server(services)
        .generate_default_stubs(true)
        .compile_fds(fds)?;
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "proto") {
            files.push(path);
        }
    }
    Ok(())
}
