//! The message catalogues are read at compile time (`fluent_templates::static_loader!`);
//! this makes adding a catalogue, not only changing one, rebuild the crate.
fn main() {
    println!("cargo:rerun-if-changed=templates/locales");
}
