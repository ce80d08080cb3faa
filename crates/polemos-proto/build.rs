//! Compiles `proto/polemos/v1/*.proto` with protox (pure Rust, no system protoc), generates the
//! tonic/prost code, and writes the encoded file descriptor set that server reflection serves.
//!
//! The set also holds Google's error detail types (`proto/google/rpc/`, vendored), which no
//! polemos file imports: reflection serves them so that grpcurl or `buf curl` can decode the
//! `ErrorInfo` and `BadRequest` details of an error. Their Rust types come from tonic-types, so
//! no code is generated for them (nor for the `google.api` annotation types).

use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../../proto");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    // Cargo only watches the folder's direct entries, so name every file as well.
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root.join("polemos/v1"), &mut files)?;
    files.sort();
    files.extend(ERROR_DETAILS.iter().map(|f| root.join(f)));
    // The vendored google/api files are read through imports; watch them too.
    collect(&root.join("google/api"), &mut files)?;
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let mut compiler = protox::Compiler::new([&root])?;
    compiler
        .include_source_info(true)
        .include_imports(true)
        .open_files(&files)?;
    // Encoded by protox itself: prost-types' messages would drop the `google.api` options
    // (extensions), and reflection is where tools read them.
    std::fs::write(
        out.join("polemos_descriptor.bin"),
        compiler.encode_file_descriptor_set(),
    )?;
    let mut fds = compiler.file_descriptor_set();
    // prost maps google.protobuf to prost-types itself but needs those files to see the fields
    // of the messages polemos uses; google.api and google.rpc code would be unused.
    fds.file
        .retain(|f| !matches!(f.package(), "google.api" | "google.rpc"));
    // The `services` feature: without it, the messages only (no tonic in the dependency tree).
    let services = std::env::var_os("CARGO_FEATURE_SERVICES").is_some();
    tonic_prost_build::configure()
        .build_client(services)
        .build_server(services)
        .generate_default_stubs(true)
        .compile_fds(fds)?;
    Ok(())
}

/// Google's error detail types, added to the reflected set (see the module comment).
const ERROR_DETAILS: [&str; 2] = ["google/rpc/error_details.proto", "google/rpc/status.proto"];

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "proto") {
            files.push(path);
        }
    }
    Ok(())
}
