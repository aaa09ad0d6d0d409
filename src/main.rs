fn main() {
    std::process::exit(stray::cli::run(std::env::args_os()));
}
