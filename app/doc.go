// Package app is CallTally's desktop application: the window, its screens
// and the little logic that belongs to showing them, built with Fyne.
//
// Each screen is one file: a struct of its widgets, built by newXxxScreen,
// with the handlers that react to the user (onXxxChanged). Today there is
// one, the call list (calls.go), which pages through any number of calls
// without ever loading them all (pagecache.go). The dashboard, the
// extension, trunk and cost screens, reports and settings will join it, with
// translations into eight languages (Arabic right to left) and a dark theme.
//
// The package reads data only through small interfaces defined beside the
// screen that consumes them (CallSource); it holds no SQL. The storage
// package satisfies them. Work done off the UI goroutine, such as fetching
// rows, hands its results back through fyne.Do.
package app
