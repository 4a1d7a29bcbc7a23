package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func root(t *testing.T) string {
	t.Helper()
	r, err := moduleRoot()
	if err != nil {
		t.Skip(err) // outside the module, as in a vendored copy
	}
	return r
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// The committed listing is the code's API: any difference, addition or
// removal, fails until the listing is regenerated on purpose.
func TestListingUpToDate(t *testing.T) {
	r := root(t)
	got, err := listing(r)
	if err != nil {
		t.Fatal(err)
	}
	want := readLines(t, filepath.Join(r, "api", "exodus.txt"))
	var added, removed []string
	for _, l := range got {
		if !slices.Contains(want, l) {
			added = append(added, "+ "+l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			removed = append(removed, "- "+l)
		}
	}
	if len(added)+len(removed) > 0 {
		t.Errorf("api/exodus.txt differs from the code (regenerate with: go run ./internal/apilist -w;\n"+
			"a removed or changed line must also be named under BREAKING in CHANGELOG.md):\n%s",
			strings.Join(append(removed, added...), "\n"))
	}
}

// ident names the identifier of a listing line as CHANGELOG.md names it:
// "finance.Amount.Add", "finance.ParseAmount", "finance.FindOptions.MaxAge".
func ident(line string) string {
	pkgPath, decl, _ := strings.Cut(strings.TrimPrefix(line, "pkg "), ", ")
	pkg := pkgPath[strings.LastIndex(pkgPath, "/")+1:]
	word := regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	kind, rest, _ := strings.Cut(decl, " ")
	switch kind {
	case "method": // method (*T) M(...)
		recv := strings.Trim(rest[:strings.Index(rest, ")")], "(*")
		m := word.FindString(rest[strings.Index(rest, ")")+1:])
		return pkg + "." + recv + "." + m
	case "type":
		name := word.FindString(rest)
		if _, member, ok := strings.Cut(rest, ", "); ok {
			member = strings.TrimPrefix(member, "embedded ")
			return pkg + "." + name + "." + word.FindString(member)
		}
		return pkg + "." + name
	default:
		return pkg + "." + word.FindString(rest)
	}
}

func TestIdent(t *testing.T) {
	for line, want := range map[string]string{ // hand
		"pkg github.com/exodus-lab/exodus/finance, method (*Rates) Add(...Rate) error":       "finance.Rates.Add",
		"pkg github.com/exodus-lab/exodus/finance, method (Amount) String() string":          "finance.Amount.String",
		"pkg github.com/exodus-lab/exodus/finance, type FindOptions struct, MaxAge int":      "finance.FindOptions.MaxAge",
		"pkg github.com/exodus-lab/exodus/finance, func ParseAmount(string) (Amount, error)": "finance.ParseAmount",
		"pkg github.com/exodus-lab/exodus, type Source struct":                               "exodus.Source",
		"pkg github.com/exodus-lab/exodus/estimate, const LogPool PoolMethod = 2":            "estimate.LogPool",
	} {
		if got := ident(line); got != want {
			t.Errorf("ident(%q) = %q, want %q", line, got, want)
		}
	}
}

// A line of a released listing (api/v*.txt) that the code no longer has is
// a break: CHANGELOG.md must name it in a BREAKING list of a version after
// that release.
func TestBreakingChangesAnnounced(t *testing.T) {
	r := root(t)
	current := readLines(t, filepath.Join(r, "api", "exodus.txt"))
	releases, _ := filepath.Glob(filepath.Join(r, "api", "v*.txt"))
	changelog, err := os.ReadFile(filepath.Join(r, "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range releases {
		version := strings.TrimSuffix(filepath.Base(rel), ".txt")
		since := breakingSince(string(changelog), version)
		for _, l := range readLines(t, rel) {
			if slices.Contains(current, l) {
				continue
			}
			if id := ident(l); !strings.Contains(since, id) {
				t.Errorf("%s is gone or changed since %s, and CHANGELOG.md names no %s under BREAKING in a later version", l, version, id)
			}
		}
	}
}

// breakingSince returns the BREAKING parts of the changelog's sections
// above the one headed version.
func breakingSince(changelog, version string) string {
	var b strings.Builder
	inBreaking := false
	for line := range strings.Lines(changelog) {
		if strings.HasPrefix(line, "## ") {
			if strings.Contains(line, version) {
				break
			}
			inBreaking = false
			continue
		}
		if strings.HasPrefix(line, "#") {
			inBreaking = strings.Contains(line, "BREAKING")
			continue
		}
		if inBreaking {
			b.WriteString(line)
		}
	}
	return b.String()
}

// parsed parses the non-test files of every public package.
func parsedPackages(t *testing.T) map[string][]*ast.File {
	t.Helper()
	r := root(t)
	pkgs, _, err := publicPackages(r)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]*ast.File{}
	fset := token.NewFileSet()
	for _, p := range pkgs {
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			out[p.Dir] = append(out[p.Dir], f)
		}
	}
	return out
}

// Every exported name has a doc comment: functions, methods of exported
// types, types, constants and variables (a group's comment counts for its
// members), and struct fields (a line comment counts).
func TestEveryExportedNameDocumented(t *testing.T) {
	for dir, files := range parsedPackages(t) {
		for _, f := range files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if !d.Name.IsExported() || (d.Recv != nil && !ast.IsExported(recvName(d))) {
						continue
					}
					if d.Doc == nil {
						t.Errorf("%s: %s has no doc comment", dir, funcName(d))
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							if !s.Name.IsExported() {
								continue
							}
							if s.Doc == nil && d.Doc == nil {
								t.Errorf("%s: type %s has no doc comment", dir, s.Name)
							}
							if st, ok := s.Type.(*ast.StructType); ok {
								for _, fld := range st.Fields.List {
									for _, n := range fld.Names {
										if n.IsExported() && fld.Doc == nil && fld.Comment == nil {
											t.Errorf("%s: field %s.%s has no comment", dir, s.Name, n)
										}
									}
								}
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								if n.IsExported() && s.Doc == nil && s.Comment == nil && d.Doc == nil {
									t.Errorf("%s: %s has no doc comment", dir, n)
								}
							}
						}
					}
				}
			}
		}
	}
}

func recvName(d *ast.FuncDecl) string {
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if ix, ok := t.(*ast.IndexExpr); ok {
		t = ix.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func funcName(d *ast.FuncDecl) string {
	if d.Recv != nil {
		return recvName(d) + "." + d.Name.Name
	}
	return d.Name.Name
}

// Every entry point, each exported function and each exported type, has a
// runnable Example (with an // Output: comment) in its package's tests:
// ExampleF or ExampleF_suffix for a function, ExampleT, ExampleT_suffix or
// ExampleT_Method for a type.
func TestEveryEntryPointHasExample(t *testing.T) {
	r := root(t)
	pkgs, _, err := publicPackages(r)
	if err != nil {
		t.Fatal(err)
	}
	files := parsedPackages(t)
	for _, p := range pkgs {
		examples := runnableExamples(t, p.Dir)
		has := func(name string) bool {
			for _, e := range examples {
				if e == name || strings.HasPrefix(e, name+"_") {
					return true
				}
			}
			return false
		}
		for _, f := range files[p.Dir] {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil && d.Name.IsExported() && !has(d.Name.Name) {
						t.Errorf("%s: func %s has no runnable Example", p.ImportPath, d.Name)
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						if ts, ok := s.(*ast.TypeSpec); ok && ts.Name.IsExported() && !has(ts.Name.Name) {
							t.Errorf("%s: type %s has no runnable Example", p.ImportPath, ts.Name)
						}
					}
				}
			}
		}
	}
}

// runnableExamples lists the names, without "Example", of the examples in
// dir's test files that have an // Output: comment.
func runnableExamples(t *testing.T, dir string) []string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	fset := token.NewFileSet()
	var out []string
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "Example") {
				continue
			}
			rest := strings.TrimPrefix(fd.Name.Name, "Example")
			if rest != "" && !unicode.IsUpper(rune(rest[0])) && rest[0] != '_' {
				continue
			}
			if hasOutput(f, fd) {
				out = append(out, strings.TrimPrefix(rest, "_"))
			}
		}
	}
	return out
}

func hasOutput(f *ast.File, fd *ast.FuncDecl) bool {
	for _, cg := range f.Comments {
		if cg.Pos() < fd.Body.Lbrace || cg.End() > fd.Body.Rbrace {
			continue
		}
		for _, c := range cg.List {
			text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
			if strings.HasPrefix(text, "Output:") || strings.HasPrefix(text, "Unordered output:") {
				return true
			}
		}
	}
	return false
}
