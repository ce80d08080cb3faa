//! `polemos keys`: create, list and revoke the API keys `polemos serve` accepts. The keys file
//! holds only SHA-256 hashes; a new key is printed once and cannot be shown again.

use std::path::PathBuf;

use anyhow::bail;
use polemos_grpc::auth::{self, KeyFile, Role, StoredKey};

use crate::GlobalArgs;

#[derive(Debug, clap::Args)]
pub struct KeysArgs {
    /// The keys file (JSON, hashes only).
    #[arg(
        long,
        env = "POLEMOS_KEYS_FILE",
        default_value = "polemos-keys.json",
        global = true
    )]
    pub keys_file: PathBuf,
    #[command(subcommand)]
    pub action: KeysAction,
}

#[derive(Debug, clap::Subcommand)]
pub enum KeysAction {
    /// Create a key with a role; prints the key once and stores its hash.
    Create {
        #[arg(long, value_parser = role_parser())]
        role: Role,
    },
    /// List the stored keys (ids and roles, never the keys).
    List,
    /// Revoke a key by its id.
    Revoke { id: String },
}

/// `--role`: the server library's roles and parsing; clap lists the choices in `--help` and in
/// its error.
fn role_parser() -> impl clap::builder::TypedValueParser<Value = Role> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Role::ALL.map(Role::as_str))
        .try_map(|word| word.parse::<Role>())
}

pub fn run(global: &GlobalArgs, args: &KeysArgs) -> anyhow::Result<()> {
    let mut file = KeyFile::load(&args.keys_file)?;
    match &args.action {
        KeysAction::Create { role } => {
            let key = auth::generate()?;
            let sha256 = auth::hash(&key);
            let stored = StoredKey {
                id: sha256[..8].to_owned(),
                role: *role,
                sha256: sha256.clone(),
                created: chrono::Utc::now().to_rfc3339(),
            };
            file.keys.push(stored.clone());
            // The error names the file already.
            file.save(&args.keys_file)?;
            if global.json {
                let out = serde_json::json!({
                    "key": key, "id": stored.id, "role": role.as_str(),
                    "keys_file": args.keys_file.display().to_string(),
                    "env_entry": format!("{}:{sha256}", role.as_str()),
                });
                println!("{out}");
            } else {
                println!("{key}");
                eprintln!(
                    "created {} key {} in {} (shown once: keep it secret; send it as `authorization: Bearer <key>`)",
                    role.as_str(),
                    stored.id,
                    args.keys_file.display()
                );
                eprintln!(
                    "for POLEMOS_API_KEYS instead of a file: {}:{sha256}",
                    role.as_str()
                );
            }
        }
        KeysAction::List => {
            if global.json {
                println!("{}", serde_json::to_string(&file)?);
            } else {
                let mut table = comfy_table::Table::new();
                table.load_preset(comfy_table::presets::NOTHING);
                table.set_header(["ID", "ROLE", "CREATED"]);
                for k in &file.keys {
                    table.add_row([k.id.as_str(), k.role.as_str(), k.created.as_str()]);
                }
                println!("{table}");
            }
        }
        KeysAction::Revoke { id } => {
            let before = file.keys.len();
            file.keys.retain(|k| &k.id != id);
            if file.keys.len() == before {
                bail!("no key with id {id} in {}", args.keys_file.display());
            }
            file.save(&args.keys_file)?;
            eprintln!("revoked key {id}");
        }
    }
    Ok(())
}
