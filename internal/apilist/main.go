// Command apilist writes the listing of exodus's public API, every exported
// identifier of every package with its signature, one per line, sorted, to
// api/exodus.txt (with -w) or to stdout:
//
//	go run ./internal/apilist -w
//
// The lines follow the format of the Go project's own api/go1.*.txt:
//
//	pkg github.com/exodus-lab/exodus/finance, func ParseAmount(string) (Amount, error)
//	pkg github.com/exodus-lab/exodus/finance, method (Amount) Add(Amount) (Amount, error)
//	pkg github.com/exodus-lab/exodus/finance, type FindOptions struct, MaxAge int
//
// Parameter names are left out, since renaming one breaks no caller; names
// from other packages are written with their import path. The test beside
// this file fails when the code and the committed listing differ, and when
// a line of the last release's listing (api/v*.txt) is gone without
// CHANGELOG.md naming it under BREAKING.
//
// It uses go/types on the compiler's export data (go list -export), so it
// needs only the go command.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	write := flag.Bool("w", false, "write api/exodus.txt instead of stdout")
	flag.Parse()
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "apilist:", err)
		os.Exit(1)
	}
	lines, err := listing(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "apilist:", err)
		os.Exit(1)
	}
	out := []byte(join(lines))
	if !*write {
		os.Stdout.Write(out)
		return
	}
	if err := os.WriteFile(filepath.Join(root, "api", "exodus.txt"), out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "apilist:", err)
		os.Exit(1)
	}
}
