// Package ui holds what every screen of the desktop app shares: the Env a
// screen is built from, the Screen contract, running work off the UI
// goroutine, progress with cancel, dialogs in the user's language, the
// theme with its fonts, and right-to-left mirroring.
//
// Mirroring is done here and nowhere else: screens lay out with HBox,
// Border, Grid and Form from this package (never container.NewHBox and
// friends directly), align text with Start and End, make labels with
// NewLabel and order table columns with Column. In Arabic every one of
// these flips; screens do not test the language themselves.
package ui
