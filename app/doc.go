// Package app is CallTally's desktop application, built with Fyne: the
// window's frame (shell.go), the index of its screens (screens.go) and one
// file per screen: dashboard, calls, missed calls, directory, PBX
// connections, settings and the first-run welcome. A screen too long for
// one file keeps its parts beside it as <screen>_*.go (calls_filters.go,
// pbx_form.go…).
//
// Screens read the same SQLite databases the collector writes, through the
// storage package, and never talk to the collector: the shell watches both
// databases' data_version and refreshes the screen in view when either
// changes, so new calls and the collector's heartbeat show within a second.
// Queries run off the UI goroutine (ui.Run) and hand their results back
// through fyne.Do.
//
// What every screen shares is in app/ui: the Env a screen is built from,
// right-to-left mirroring (done there once, for Arabic), the theme with its
// fonts, dialogs and progress in the user's language. A language change
// rebuilds every screen from the i18n package, since Fyne has no runtime
// language switch of its own.
package app
