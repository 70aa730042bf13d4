//! Writing output files safely: an interrupted run leaves the previous file whole, and what
//! the user named is written to, never replaced by something else.
//!
//! - A regular file (or a new one) is written through a temporary file in the same folder,
//!   renamed over it at the end. The file keeps its permissions; a new one gets the umask's.
//! - A symbolic link is followed: its target is written, the link stays a link.
//! - Anything else that exists (a device such as `/dev/null` or `/dev/full`, a FIFO,
//!   `/dev/stdout`) is written to directly: renaming over it would replace the device node.
//! - A missing folder is created.
//! - Temporary files are removed on every exit path that runs destructors; those of a run that
//!   was killed are removed by the next run that writes into the same folder.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The prefix and suffix of our temporary files, with the process id between them so that a
/// later run can tell a dead run's leftovers from a running one's.
const TEMP_PREFIX: &str = ".claimcheck-";
const TEMP_SUFFIX: &str = ".tmp";

/// How many symbolic links are followed before giving up (a loop), as the kernel does.
const MAX_LINKS: usize = 40;

/// A file being written. [`OutputFile::commit`] puts it in place; dropping it without
/// committing leaves the previous file as it was and removes the temporary file.
pub struct OutputFile {
    /// The file as the user named it, for messages.
    named: PathBuf,
    sink: Sink,
}

enum Sink {
    /// A regular file, through a temporary file renamed into place.
    Replace {
        tmp: tempfile::NamedTempFile,
        target: PathBuf,
        writer: BufWriter<File>,
    },
    /// A device, FIFO or other special file, written as it is.
    Direct(BufWriter<File>),
}

impl OutputFile {
    /// Opens `path` for writing as the module documentation describes.
    pub fn create(path: &Path) -> Result<Self> {
        let target = resolve_links(path)?;
        let meta = fs::metadata(&target).ok();
        if let Some(m) = &meta
            && !m.is_file()
        {
            if m.is_dir() {
                anyhow::bail!("{}: is a folder, not a file", path.display());
            }
            let file = OpenOptions::new()
                .write(true)
                .open(&target)
                .with_context(|| format!("{}: cannot open", path.display()))?;
            return Ok(OutputFile {
                named: path.to_owned(),
                sink: Sink::Direct(BufWriter::new(file)),
            });
        }
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."))
            .to_owned();
        fs::create_dir_all(&dir)
            .with_context(|| format!("{}: cannot create the folder", dir.display()))?;
        remove_stale_temporaries(&dir);
        let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
        let tmp = temp_builder(&prefix, meta.as_ref())
            .tempfile_in(&dir)
            .with_context(|| format!("{}: cannot create a file in its folder", path.display()))?;
        if let Some(m) = &meta {
            // Keep the existing file's permissions (a new file's come from the umask).
            fs::set_permissions(tmp.path(), m.permissions())
                .with_context(|| format!("{}: cannot keep its permissions", path.display()))?;
        }
        let file = tmp
            .as_file()
            .try_clone()
            .with_context(|| format!("{}: cannot open", path.display()))?;
        Ok(OutputFile {
            named: path.to_owned(),
            sink: Sink::Replace {
                tmp,
                target,
                writer: BufWriter::new(file),
            },
        })
    }

    /// The writer.
    pub fn writer(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Replace { writer, .. } | Sink::Direct(writer) => writer,
        }
    }

    /// Flushes, syncs and puts the file in place.
    pub fn commit(self) -> Result<()> {
        let named = self.named;
        let fail = |what: &str| format!("{}: cannot {what}", named.display());
        match self.sink {
            Sink::Direct(mut writer) => writer.flush().with_context(|| fail("write")),
            Sink::Replace {
                tmp,
                target,
                mut writer,
            } => {
                writer.flush().with_context(|| fail("write"))?;
                tmp.as_file().sync_all().with_context(|| fail("write"))?;
                tmp.persist(&target)
                    .map_err(|e| e.error)
                    .with_context(|| fail("replace it"))?;
                Ok(())
            }
        }
    }
}

/// Writes a whole file with `body`, as [`OutputFile`] does. An error names the file.
pub fn write(path: &Path, body: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut file = OutputFile::create(path)?;
    body(file.writer()).with_context(|| format!("{}: cannot write", path.display()))?;
    file.commit()
}

/// A temporary folder in `dir` (the HTML report's article pages, renamed into place at the
/// end), named like the temporary files, so that a killed run's is removed by the next run.
pub fn temp_dir(dir: &Path) -> Result<tempfile::TempDir> {
    remove_stale_temporaries(dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempdir_in(dir)
        .with_context(|| format!("{}: cannot create a folder", dir.display()))
}

/// A temporary file named for [`remove_stale_temporaries`]; created with mode 0666 less the
/// umask (the kernel applies it), as any new file is.
fn temp_builder<'p>(
    prefix: &'p str,
    existing: Option<&fs::Metadata>,
) -> tempfile::Builder<'p, 'static> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = existing;
    b
}

/// Follows symbolic links from `path` to the file they name (which may not exist yet).
fn resolve_links(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&current)
                    .with_context(|| format!("{}: cannot read the link", path.display()))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    anyhow::bail!("{}: too many levels of symbolic links", path.display())
}

/// Removes our temporary files in `dir` whose process is gone (a run that was killed). On
/// systems without `/proc`, those older than a day. Failures are ignored: this is tidying.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let have_proc = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let Some(pid) = name
            .strip_prefix(TEMP_PREFIX)
            .filter(|rest| rest.ends_with(TEMP_SUFFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let stale = if have_proc {
            pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if stale {
            let _ = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                fs::remove_dir_all(entry.path())
            } else {
                fs::remove_file(entry.path())
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_text(path: &Path, text: &str) -> Result<()> {
        write(path, |w| Ok(w.write_all(text.as_bytes())?))
    }

    #[test]
    fn writes_a_new_file_in_a_new_folder() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("a/b/out.json");
        write_text(&path, "new").expect("written");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
    }

    #[test]
    fn a_failed_body_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("out.json");
        fs::write(&path, "old").expect("old file");
        let err = write(&path, |_| anyhow::bail!("interrupted")).expect_err("fails");
        assert!(format!("{err:#}").contains("out.json"), "{err:#}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "old");
        let left: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "only the old file is left");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().expect("a folder");
        let target = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&target, "old").expect("target");
        std::os::unix::fs::symlink("real.json", &link).expect("link");
        write_text(&link, "new").expect("written");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_creates_its_target() {
        let dir = tempfile::tempdir().expect("a folder");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("made.json", &link).expect("link");
        write_text(&link, "new").expect("written");
        assert_eq!(
            fs::read_to_string(dir.path().join("made.json")).expect("read"),
            "new"
        );
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_new_files_follow_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a folder");
        let kept = dir.path().join("kept.csv");
        fs::write(&kept, "old").expect("file");
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_text(&kept, "new").expect("written");
        let mode = fs::metadata(&kept).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // A new file is readable by others unless the umask says otherwise: never 0600 as
        // a temporary file is by default.
        let new = dir.path().join("new.csv");
        write_text(&new, "new").expect("written");
        let mode = fs::metadata(&new).expect("meta").permissions().mode() & 0o777;
        let plain = dir.path().join("plain.csv");
        File::create(&plain).expect("plain file");
        let umasked = fs::metadata(&plain).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, umasked);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_not_replaced() {
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        write_text(null, "gone").expect("written to the device");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::metadata(null)
                .expect("meta")
                .file_type()
                .is_char_device()
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_device_is_an_error_naming_it() {
        let full = Path::new("/dev/full");
        if !full.exists() {
            return;
        }
        let err = write_text(full, "x").expect_err("no space");
        assert!(format!("{err:#}").contains("/dev/full"), "{err:#}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::metadata(full)
                .expect("meta")
                .file_type()
                .is_char_device()
        );
    }

    #[test]
    fn a_dead_runs_temporaries_are_removed() {
        let dir = tempfile::tempdir().expect("a folder");
        // No process has this id (above the kernel's pid_max), so the file is a leftover.
        let stale = dir
            .path()
            .join(format!("{TEMP_PREFIX}4294967295-abc{TEMP_SUFFIX}"));
        let mine = dir.path().join(format!(
            "{TEMP_PREFIX}{}-abc{TEMP_SUFFIX}",
            std::process::id()
        ));
        let other = dir.path().join("notes.tmp");
        for p in [&stale, &mine, &other] {
            fs::write(p, "x").expect("file");
        }
        // A killed run's folder of article pages too.
        let stale_folder = dir
            .path()
            .join(format!("{TEMP_PREFIX}4294967295-pages{TEMP_SUFFIX}"));
        fs::create_dir(&stale_folder).expect("folder");
        fs::write(stale_folder.join("00001-a.html"), "x").expect("file");
        write_text(&dir.path().join("out.csv"), "new").expect("written");
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists());
            assert!(!stale_folder.exists());
        }
        assert!(mine.exists() && other.exists());
    }
}
