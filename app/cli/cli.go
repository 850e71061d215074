// Package cli is the calltally command: its subcommands, and the desktop
// app when run bare.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Version is set at build time with -ldflags "-X ...cli.Version=v1.2.3".
var Version = "dev"

// env is what a command reads and writes, so tests can run commands
// in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	data           string // --data given before the subcommand
}

type command struct {
	run   func(ctx context.Context, e *env, args []string) error
	usage string
}

var commands = map[string]command{
	"drivers":  {runDrivers, "drivers [--settings ID]   list the PBX drivers"},
	"parse":    {runParse, "parse --driver ID [--tz ZONE] [--received TIME] [--json] [FILE|-]...   parse without storing"},
	"detect":   {runDetect, "detect [--json] [--tz ZONE] [--received TIME] FILE|-   which driver reads a sample of a PBX's output"},
	"import":   {runImport, "import --driver ID [--tenant SLUG] [--pbx NAME] FILE...   store records and their calls"},
	"calls":    {runCalls, "calls [--from DATE] [--to DATE] [--extension X] [--direction D] [--limit N] [--json] [--count]"},
	"pbx":      {runPBX, "pbx add|list|edit|remove NAME ...   configure the PBX systems the collector reads"},
	"collect":  {runCollect, "collect   run the collector in the foreground (all enabled PBXs of all tenants)"},
	"service":  {runService, "service install|uninstall|start|stop|status   the collector as an OS service"},
	"demo":     {runDemo, "demo [--no-window]   fill a demo data directory and open the app on it"},
	"simulate": {runSimulate, "simulate --driver ID (--listen ADDR | --connect ADDR | --syslog ADDR | --dir DIR) [--rate N] [--count N]   emit realistic calls in a PBX's wire format"},
	"tariff":   {runTariff, "tariff import FILE | export | show [--tenant SLUG]   the tariff plans calls are priced by"},
	"rerate":   {runRerate, "rerate [--from DATE] [--to DATE] [--tenant SLUG]   price stored calls again by the tariffs as they are now"},
	"version":  {runVersion, "version"},

	"screenshots": {runScreenshots, "screenshots [--out DIR] [--locales en,ar,de] [--themes light,dark]   save a picture of every screen (under Xvfb: make screenshots)"},

	"ext":        {runExt, "ext add|list|edit|move|remove|import|export [NUMBER] ...   the extension directory: who had each extension when"},
	"dept":       {runDept, "dept add|list|edit|remove|import|export [PATH] ...   the department tree"},
	"costcentre": {runCostCentre, "costcentre add|list|edit|remove|import|export [CODE] ...   cost centres"},
	"phonebook":  {runPhonebook, "phonebook add|list|edit|remove|lookup|import|export [NUMBER] ...   names of outside numbers"},
}

// errUsage asks Main to print the usage after the error.
var errUsage = errors.New("usage")

// errQuiet is returned by a command that already reported its failure.
var errQuiet = errors.New("failed")

// Main runs calltally with args (without the program name) and returns
// the exit status.
func Main(ctx context.Context, args []string) int {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	return e.main(ctx, args)
}

func (e *env) main(ctx context.Context, args []string) int {
	args, err := e.globalFlags(args)
	if err == nil && len(args) == 0 {
		err = runWindow(ctx, e, nil)
	} else if err == nil {
		err = e.dispatch(ctx, args[0], args[1:])
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errQuiet):
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintf(e.stderr, "calltally: %v\n", err)
		e.usage()
		return 2
	}
	fmt.Fprintf(e.stderr, "calltally: %v\n", err)
	return 1
}

func (e *env) dispatch(ctx context.Context, name string, args []string) error {
	cmd, ok := commands[name]
	if !ok {
		return fmt.Errorf("unknown command %q: %w", name, errUsage)
	}
	if err := cmd.run(ctx, e, args); err != nil {
		if errors.Is(err, errUsage) || errors.Is(err, errQuiet) || errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// globalFlags reads the flags before the subcommand (only --data).
func (e *env) globalFlags(args []string) ([]string, error) {
	fs := flag.NewFlagSet("calltally", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.data, "data", "", "data directory (default $CALLTALLY_DATA or the system's)")
	fs.Usage = e.usage
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return fs.Args(), nil
}

func (e *env) usage() {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: calltally [--data DIR] [COMMAND [FLAGS] [ARGS]]\n\nWithout a command, calltally opens the desktop app.\n\nCommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %s\n", commands[n].usage)
	}
	b.WriteString("\nRun 'calltally COMMAND --help' for a command's flags.\n")
	io.WriteString(e.stderr, b.String())
}

func runVersion(_ context.Context, e *env, args []string) error {
	fs := e.flags("version")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "calltally %s\n", Version)
	return nil
}
