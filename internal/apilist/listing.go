package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

const modulePath = "github.com/exodus-lab/exodus"

// moduleRoot is the folder of go.mod, found with the go command.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside the exodus module")
	}
	return filepath.Dir(gomod), nil
}

// listPackage is what go list -json tells of one package.
type listPackage struct {
	ImportPath string
	Name       string
	Dir        string
	Export     string
	GoFiles    []string
	Standard   bool
}

// goList runs go list -export -json on patterns in root.
func goList(root string, deps bool, patterns ...string) ([]listPackage, error) {
	args := []string{"list", "-export", "-json=ImportPath,Name,Dir,Export,GoFiles,Standard"}
	if deps {
		args = append(args, "-deps")
	}
	cmd := exec.Command("go", append(args, patterns...)...)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w: %s", err, stderr.String())
	}
	var pkgs []listPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list output: %w", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// public reports whether a package of the module is part of its promised
// API: not internal, not a command, not the benchmarks.
func public(p listPackage) bool {
	if !strings.HasPrefix(p.ImportPath, modulePath) || p.Name == "main" {
		return false
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, modulePath), "/")
	for _, part := range strings.Split(rel, "/") {
		if part == "internal" || part == "bench" || part == "testdata" {
			return false
		}
	}
	return true
}

// publicPackages lists the module's public packages, sorted by path, and
// loads their types from export data.
func publicPackages(root string) ([]listPackage, []*types.Package, error) {
	all, err := goList(root, true, "./...")
	if err != nil {
		return nil, nil, err
	}
	exports := map[string]string{}
	var mine []listPackage
	for _, p := range all {
		exports[p.ImportPath] = p.Export
		if public(p) {
			mine = append(mine, p)
		}
	}
	slices.SortFunc(mine, func(a, b listPackage) int { return strings.Compare(a.ImportPath, b.ImportPath) })
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		f, ok := exports[path]
		if !ok || f == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(f)
	})
	var pkgs []*types.Package
	for _, p := range mine {
		tp, err := imp.Import(p.ImportPath)
		if err != nil {
			return nil, nil, fmt.Errorf("load %s: %w", p.ImportPath, err)
		}
		pkgs = append(pkgs, tp)
	}
	return mine, pkgs, nil
}

// listing returns the sorted lines of the public API of the module in root.
func listing(root string) ([]string, error) {
	_, pkgs, err := publicPackages(root)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, p := range pkgs {
		lines = append(lines, packageLines(p)...)
	}
	slices.Sort(lines)
	return slices.Compact(lines), nil
}

func join(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

// packageLines lists one package's exported identifiers.
func packageLines(p *types.Package) []string {
	prefix := "pkg " + p.Path() + ", "
	q := func(other *types.Package) string {
		if other == p {
			return ""
		}
		return other.Path()
	}
	var lines []string
	add := func(s string) { lines = append(lines, prefix+s) }
	scope := p.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch o := obj.(type) {
		case *types.Const:
			add(fmt.Sprintf("const %s %s = %s", name, types.TypeString(o.Type(), q), o.Val().String()))
		case *types.Var:
			add(fmt.Sprintf("var %s %s", name, types.TypeString(o.Type(), q)))
		case *types.Func:
			add("func " + name + signature(o.Type().(*types.Signature), q))
		case *types.TypeName:
			lines = append(lines, typeLines(prefix, o, q)...)
		}
	}
	return lines
}

// typeLines lists a type, its exported fields and its exported methods.
func typeLines(prefix string, tn *types.TypeName, q types.Qualifier) []string {
	name := tn.Name()
	var lines []string
	add := func(s string) { lines = append(lines, prefix+s) }
	if tn.IsAlias() {
		add(fmt.Sprintf("type %s = %s", name, types.TypeString(tn.Type(), q)))
		return lines
	}
	named := tn.Type().(*types.Named)
	tparams := typeParams(named.TypeParams(), q)
	switch u := named.Underlying().(type) {
	case *types.Struct:
		add("type " + name + tparams + " struct")
		for f := range u.Fields() {
			if f.Exported() {
				if f.Embedded() {
					add(fmt.Sprintf("type %s struct, embedded %s", name, types.TypeString(f.Type(), q)))
				} else {
					add(fmt.Sprintf("type %s struct, %s %s", name, f.Name(), types.TypeString(f.Type(), q)))
				}
			}
		}
	case *types.Interface:
		add("type " + name + tparams + " interface")
		for m := range u.ExplicitMethods() {
			if m.Exported() {
				add(fmt.Sprintf("type %s interface, %s%s", name, m.Name(), signature(m.Type().(*types.Signature), q)))
			} else {
				add(fmt.Sprintf("type %s interface, unexported methods", name))
			}
		}
		for e := range u.EmbeddedTypes() {
			add(fmt.Sprintf("type %s interface, embedded %s", name, types.TypeString(e, q)))
		}
	default:
		add(fmt.Sprintf("type %s%s %s", name, tparams, types.TypeString(u, q)))
	}
	for m := range named.Methods() {
		if !m.Exported() {
			continue
		}
		sig := m.Type().(*types.Signature)
		recv := name
		if _, ok := sig.Recv().Type().(*types.Pointer); ok {
			recv = "*" + name
		}
		add(fmt.Sprintf("method (%s) %s%s", recv, m.Name(), signature(sig, q)))
	}
	return lines
}

// signature writes a function's type parameters, parameters and results
// without parameter names.
func signature(sig *types.Signature, q types.Qualifier) string {
	var b strings.Builder
	b.WriteString(typeParams(sig.TypeParams(), q))
	b.WriteString("(")
	for i := range sig.Params().Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			b.WriteString("..." + types.TypeString(t.(*types.Slice).Elem(), q))
			continue
		}
		b.WriteString(types.TypeString(t, q))
	}
	b.WriteString(")")
	switch n := sig.Results().Len(); n {
	case 0:
	case 1:
		b.WriteString(" " + types.TypeString(sig.Results().At(0).Type(), q))
	default:
		b.WriteString(" (")
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(types.TypeString(sig.Results().At(i).Type(), q))
		}
		b.WriteString(")")
	}
	return b.String()
}

func typeParams(tps *types.TypeParamList, q types.Qualifier) string {
	if tps.Len() == 0 {
		return ""
	}
	var parts []string
	for tp := range tps.TypeParams() {
		parts = append(parts, tp.Obj().Name()+" "+types.TypeString(tp.Constraint(), q))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
