#!/bin/sh
# Install Taiwa for this user (no root): ./install.sh        Remove it: ./install.sh --uninstall
#
# Copies the program to ~/.local/opt/taiwa, links ~/.local/bin/taiwa to it, and adds the
# desktop entry, icons and AppStream metainfo under ~/.local/share, so that Taiwa appears in the
# application menu and the dock with its name and icon. PREFIX=/opt/taiwa BINDIR=/usr/local/bin
# DATADIR=/usr/local/share (as root) installs it for every user instead. The vault is never
# touched: uninstalling leaves ~/.local/share/Taiwa (your notes) in place.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local/opt/taiwa}
bindir=${BINDIR:-$HOME/.local/bin}
datadir=${DATADIR:-$HOME/.local/share}

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$datadir/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$datadir/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$prefix"
  rm -f "$bindir/taiwa" "$datadir/applications/app.taiwa.Taiwa.desktop" \
    "$datadir/metainfo/app.taiwa.Taiwa.metainfo.xml"
  find "$datadir/icons/hicolor" -name 'app.taiwa.Taiwa.*' -delete 2>/dev/null || true
  refresh
  echo "Taiwa removed. Your vault (notes) is still in ${XDG_DATA_HOME:-$HOME/.local/share}/Taiwa."
  exit 0
fi

mkdir -p "$prefix" "$bindir" "$datadir/applications" "$datadir/metainfo" "$datadir/icons/hicolor"
rm -rf "$prefix.new"
cp -a "$here/taiwa" "$prefix.new"
rm -rf "$prefix" && mv "$prefix.new" "$prefix"
ln -sf "$prefix/taiwa" "$bindir/taiwa"
# The desktop entry runs the installed program by its full path (~/.local/bin may not be on
# the PATH of the desktop session).
sed "s|^Exec=taiwa|Exec=$prefix/taiwa|" "$here/share/applications/app.taiwa.Taiwa.desktop" \
  > "$datadir/applications/app.taiwa.Taiwa.desktop"
cp "$here/share/metainfo/app.taiwa.Taiwa.metainfo.xml" "$datadir/metainfo/"
cp -R "$here/share/icons-hicolor/." "$datadir/icons/hicolor/"
refresh
echo "Taiwa installed: $prefix (run 'taiwa' or open it from the application menu)."
