package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"calltally.app/drivers"
)

func runDrivers(_ context.Context, e *env, args []string) error {
	fs := e.flags("drivers")
	settings := fs.String("settings", "", "list the settings of driver `ID`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	if *settings != "" {
		d, err := drivers.Lookup(*settings)
		if err != nil {
			return err
		}
		printSettings(tw, d)
		return tw.Flush()
	}
	for _, d := range drivers.All() {
		ts := make([]string, len(d.Transports))
		for i, t := range d.Transports {
			ts[i] = string(t)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", d.ID, d.Name, strings.Join(ts, ","))
	}
	return tw.Flush()
}

func printSettings(tw *tabwriter.Writer, d *drivers.Driver) {
	if len(d.Settings) == 0 {
		fmt.Fprintf(tw, "driver %s has no settings\n", d.ID)
		return
	}
	fmt.Fprintln(tw, "SETTING\tDEFAULT\tVALUES\tMEANING")
	for _, s := range d.Settings {
		values := strings.Join(s.Values, "|")
		if values == "" {
			values = "(any)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Name, s.Default, values, s.Help)
	}
}
