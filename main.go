// Command calltally is an open-source call-accounting system: it collects
// the call records of phone systems (PBXs), stores them, and shows who
// called whom, when, for how long and at what cost.
package main

import (
	_ "calltally.app/i18n/locale" // first: tidies the locale before Fyne reads it

	"context"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // site time zones work on machines without a zone database (Windows)

	"calltally.app/app/cli"
	_ "calltally.app/drivers/all"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
