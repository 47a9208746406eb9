//! `seloste completions` and `seloste man`: what shells and `man` need.

use std::io::Write;
use std::process::ExitCode;

/// `cli`: the command line's definition, from [`crate::cli::Cli`].
pub fn completions(
    mut cli: clap::Command,
    shell: clap_complete::Shell,
) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut cli, "seloste", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `cli`: the command line's definition, from [`crate::cli::Cli`].
pub fn man(cli: clap::Command) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(cli).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
