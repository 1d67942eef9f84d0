use regua::i18n::{self, Language};

fn main() {
    i18n::select(Language::from_env());
    let code = regua::cli::run(std::env::args().collect());
    std::process::exit(code);
}
