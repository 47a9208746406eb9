use std::process::ExitCode;

fn main() -> ExitCode {
    seloste::cli::main()
}
