internal import CFontconfig

/// lessongen's own fontconfig setup, made current before Pango looks for its first font.
///
/// The system's configuration (`/etc/fonts/fonts.conf` and the thirty-odd files of
/// `conf.d`) is mostly aliases for generic names (`sans-serif`, `Helvetica`, …) and hinting
/// choices; lessongen names its families outright (`DejaVu Serif, NanumMyeongjo`) and sets
/// its own hinting, so none of that changes a figure — yet fontconfig parses it at start-up
/// and runs every rule again for each font size and style Pango asks for, about a third of
/// the time of loading a font. This configuration keeps what does change the drawing:
///
/// - the same font folders and caches as the system's `fonts.conf`,
/// - outline fonts only (as Debian's `70-no-bitmaps.conf`),
/// - a slanted face for a style a font lacks, and emboldening for a missing bold (as
///   `90-synthetic.conf`; NanumMyeongjo has no italic).
///
/// A side effect worth having: what lessongen draws does not depend on a user's own font
/// settings (`~/.config/fontconfig`), only on the fonts installed.
enum FontConfiguration {
  /// Whether lessongen's configuration is current (false if fontconfig refused it, in which
  /// case the system's is used).
  static let installed: Bool = {
    guard let config = FcConfigCreate() else { return false }
    guard FcConfigParseAndLoadFromMemory(config, xml, FcTrue) == FcTrue,
      FcConfigBuildFonts(config) == FcTrue,
      FcConfigSetCurrent(config) == FcTrue
    else {
      FcConfigDestroy(config)
      return false
    }
    // FcConfigSetCurrent holds its own reference.
    FcConfigDestroy(config)
    return true
  }()

  static let xml = """
    <?xml version="1.0"?>
    <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
    <fontconfig>
      <dir>/usr/share/fonts</dir>
      <dir>/usr/local/share/fonts</dir>
      <dir prefix="xdg">fonts</dir>
      <dir>~/.fonts</dir>
      <cachedir>/var/cache/fontconfig</cachedir>
      <cachedir prefix="xdg">fontconfig</cachedir>
      <cachedir>~/.fontconfig</cachedir>
      <selectfont>
        <rejectfont>
          <pattern><patelt name="scalable"><bool>false</bool></patelt></pattern>
        </rejectfont>
      </selectfont>
      <match target="font">
        <test name="slant"><const>roman</const></test>
        <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
        <edit name="matrix" mode="assign">
          <times>
            <name>matrix</name>
            <matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix>
          </times>
        </edit>
        <edit name="slant" mode="assign"><const>oblique</const></edit>
        <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
      </match>
      <match target="font">
        <test name="weight" compare="less_eq"><const>medium</const></test>
        <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
        <edit name="embolden" mode="assign"><bool>true</bool></edit>
        <edit name="weight" mode="assign"><const>bold</const></edit>
      </match>
    </fontconfig>
    """
}
