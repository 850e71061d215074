// Package locale tidies the locale environment before any other package
// reads it. Import it, blank, from main.
//
// The C and POSIX locales (LANG=C.UTF-8 is the default of many servers and
// containers) name no language, and Fyne's locale lookup, run when its
// packages initialise, logs three lines of "Error parsing user locale C" on
// every command. Removing such values says the same thing ("no language
// preference") in a form it accepts. This package only works because it
// imports nothing but the standard library and its import path sorts before
// fyne.io: Go initialises ready packages in import-path order.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if IsNeutral(os.Getenv(name)) {
			os.Unsetenv(name)
		}
	}
}

// IsNeutral reports whether a locale value names no language: C or POSIX,
// with or without a charset (C.UTF-8).
func IsNeutral(value string) bool {
	lang, _, _ := strings.Cut(value, ".")
	return lang == "C" || lang == "POSIX"
}
