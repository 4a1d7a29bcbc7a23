// Command exodus reproduces the figures of the article "Decoding the Mass
// Departure from Russia" from the embedded default data, with their sources.
//
// Usage:
//
//	go run ./examples/exodus
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/exodus-lab/exodus"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "exodus:", err)
		os.Exit(1)
	}
}

// claims are the article's figures, each with the publisher it names.
var claims = []struct {
	figure string
	src    exodus.Source
}{
	{"up to 1.3 million people left Russia in 2022", exodus.Source{Publisher: "UK Ministry of Defence", Title: "Defence Intelligence update"}},
	{"600,000 to 1 million people left Russia in 2022", exodus.Source{Publisher: "Forbes, The Bell, RTVi"}},
	{"about 1.5% of the whole Russian workforce left", exodus.Source{Publisher: "Alfa Bank"}},
	{"1.2 trillion roubles withdrawn from bank accounts in February 2022", exodus.Source{
		Publisher: "Central Bank of Russia",
		Title:     "О развитии банковского сектора (February 2022)",
		Date:      "2022-03-21",
	}},
}

func run(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("exodus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if _, err := fmt.Fprintln(stdout, "The article's figures and their sources:"); err != nil {
		return err
	}
	for _, c := range claims {
		if _, err := fmt.Fprintf(stdout, "  - %s\n    source: %s\n", c.figure, c.src); err != nil {
			return err
		}
	}
	return nil
}
