package workforce_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func smallTable() *workforce.Table {
	return workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "9"}, [][]float64{{1, 2, 3}, {4, 5, 6}})
}

func TestTableTotalsAndLookup(t *testing.T) {
	tab := smallTable()
	// Hand: rows 1+2+3 = 6, 4+5+6 = 15; columns 5, 7, 9; total 21.
	if diff := cmp.Diff([]float64{6, 15}, tab.RowTotals()); diff != "" {
		t.Errorf("RowTotals (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]float64{5, 7, 9}, tab.ColTotals()); diff != "" {
		t.Errorf("ColTotals (-want +got):\n%s", diff)
	}
	if tab.Total() != 21 {
		t.Errorf("Total = %v", tab.Total())
	}
	if v, err := tab.Get("J", "2"); err != nil || v != 5 {
		t.Errorf("Get(J, 2) = %v, %v", v, err)
	}
	if _, err := tab.Get("K", "2"); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("Get(K) error = %v", err)
	}
	if _, err := tab.Get("J", "3"); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("Get(J, 3) error = %v", err)
	}
	// Accessors return copies: changing them leaves the table alone.
	row := tab.Row(0)
	row[0] = 100
	tab.Rows()[0] = "Z"
	if tab.At(0, 0) != 1 || tab.Rows()[0] != "A" {
		t.Error("table changed through a returned slice")
	}
	vals := [][]float64{{1}}
	owned := workforce.MustNewTable([]string{"a"}, []string{"b"}, vals)
	vals[0][0] = 7
	if owned.At(0, 0) != 1 {
		t.Error("NewTable kept the caller's slice")
	}
}

func TestTableShares(t *testing.T) {
	tab := smallTable()
	rs, err := tab.RowShares()
	if err != nil {
		t.Fatal(err)
	}
	// Hand: 1/6, 2/6, 3/6; 4/15, 5/15, 6/15.
	want := [][]float64{{1.0 / 6, 2.0 / 6, 3.0 / 6}, {4.0 / 15, 5.0 / 15, 6.0 / 15}}
	if diff := cmp.Diff(want, rs.Values(), cmpopts.EquateApprox(1e-15, 0)); diff != "" {
		t.Errorf("RowShares (-want +got):\n%s", diff)
	}
	cs, _ := tab.ColShares()
	if diff := cmp.Diff([]float64{1, 1, 1}, cs.ColTotals(), cmpopts.EquateApprox(1e-15, 0)); diff != "" {
		t.Errorf("ColShares totals (-want +got):\n%s", diff)
	}
	s, _ := tab.Shares()
	if math.Abs(s.Total()-1) > 1e-15 || math.Abs(s.At(1, 2)-6.0/21) > 1e-15 {
		t.Errorf("Shares: total %v, cell %v", s.Total(), s.At(1, 2))
	}
	zero := workforce.MustNewTable([]string{"a"}, []string{"b"}, [][]float64{{0}})
	if _, err := zero.RowShares(); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("zero row: error = %v", err)
	}
	if _, err := zero.Shares(); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("zero table: error = %v", err)
	}
	// Totals that overflow float64 would make every share 0: NewTable
	// refuses such a table (TestNewTableTotalOverflow), and operations whose
	// result would overflow are errors.
	if _, err := workforce.NewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1e308, 1e308}, {1e308, 1e308}}); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("overflowing total: NewTable error = %v", err)
	}
	huge := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1e308, 0}, {0, 0}})
	if _, err := huge.Scale(10); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("overflowing Scale: error = %v", err)
	}
	if _, err := huge.AggregateCols([]string{"all"}, [][]float64{{2}, {1}}); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("overflowing AggregateCols: error = %v", err)
	}
}

// Issue 5, finding 2: weights whose sum overflows must not lose people.
func TestTableSkillLevelsHugeWeights(t *testing.T) {
	emp := must(workforce.DefaultEmployment(2022))
	m := workforce.SkillMap{Managers: [2]float64{1e308, 1e308}}
	got, err := emp.SkillLevels(m)
	if err != nil {
		t.Fatal(err)
	}
	// independent: the same ratio 1:1 written small, and the zero SkillMap
	// (an even split), give the same table.
	want := must(emp.SkillLevels(workforce.SkillMap{Managers: [2]float64{1, 1}}))
	if !got.Equal(want) {
		t.Errorf("SkillLevels(1e308:1e308) = \n%v\nwant\n%v", got, want)
	}
	// hand: aggregation keeps every person (relative 1e-12 for float sums)
	if d := math.Abs(got.Total() - emp.Total()); d > 1e-12*emp.Total() {
		t.Errorf("total %v, employment %v", got.Total(), emp.Total())
	}
}

func TestTableSkillLevelsAndBands(t *testing.T) {
	tab := smallTable()
	got, err := tab.SkillLevels(workforce.SkillMap{Managers: [2]float64{1, 3}})
	if err != nil {
		t.Fatal(err)
	}
	// Hand: ISCO 1 → ¼ to level 3, ¾ to level 4; ISCO 2 → 4; ISCO 9 → 1.
	want := [][]float64{{3, 0, 0.25, 2.75}, {6, 0, 1, 8}}
	if diff := cmp.Diff(want, got.Values()); diff != "" {
		t.Errorf("SkillLevels (-want +got):\n%s", diff)
	}
	b, err := got.Bands()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]float64{{3, 0, 3}, {6, 0, 9}}, b.Values()); diff != "" {
		t.Errorf("Bands (-want +got):\n%s", diff)
	}
	if _, err := b.Bands(); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("Bands of bands: error = %v", err)
	}
	if _, err := tab.AggregateCols([]string{"x"}, [][]float64{{1}}); !errors.Is(err, workforce.ErrShape) {
		t.Errorf("AggregateCols shape: error = %v", err)
	}
}

func TestTableMissing(t *testing.T) {
	nan := math.NaN()
	tab := workforce.MustNewTable([]string{"E", "U"}, []string{"1", "6", "9"}, [][]float64{{2, nan, 3}, {nan, nan, nan}})
	if !tab.HasMissing() || !tab.Missing(0, 1) || tab.Missing(0, 0) {
		t.Error("missing cells not reported")
	}
	if !math.IsNaN(tab.RowTotals()[0]) || !math.IsNaN(tab.Total()) {
		t.Error("a total over a missing cell must be NaN, not a silent zero")
	}
	if _, err := tab.RowShares(); !errors.Is(err, workforce.ErrMissing) {
		t.Errorf("RowShares: error = %v", err)
	}
	filled, err := tab.SpreadMissing([]float64{5.5, 0.9})
	if err != nil {
		t.Fatal(err)
	}
	// Hand: row E gap 5.5 − 5 = 0.5 to its one missing cell; row U 0.9/3 each.
	want := [][]float64{{2, 0.5, 3}, {0.3, 0.3, 0.3}}
	if diff := cmp.Diff(want, filled.Values(), cmpopts.EquateApprox(1e-12, 0)); diff != "" {
		t.Errorf("SpreadMissing (-want +got):\n%s", diff)
	}
	if _, err := tab.SpreadMissing([]float64{4, 1}); !errors.Is(err, workforce.ErrInconsistent) {
		t.Errorf("total below known cells: error = %v", err)
	}
}

func TestNewTableErrors(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols []string
		vals       [][]float64
		err        error
	}{
		{"negative", []string{"a"}, []string{"x"}, [][]float64{{-1}}, workforce.ErrBadValue},
		{"inf", []string{"a"}, []string{"x"}, [][]float64{{math.Inf(1)}}, workforce.ErrBadValue},
		{"duplicate row", []string{"a", "a"}, []string{"x"}, [][]float64{{1}, {1}}, workforce.ErrUnknownCode},
		{"empty column label", []string{"a"}, []string{""}, [][]float64{{1}}, workforce.ErrUnknownCode},
		{"ragged", []string{"a"}, []string{"x", "y"}, [][]float64{{1}}, workforce.ErrShape},
		{"rows", []string{"a", "b"}, []string{"x"}, [][]float64{{1}}, workforce.ErrShape},
	}
	for _, tt := range tests {
		if _, err := workforce.NewTable(tt.rows, tt.cols, tt.vals); !errors.Is(err, tt.err) {
			t.Errorf("%s: error = %v, want %v", tt.name, err, tt.err)
		}
	}
}

func TestTableSources(t *testing.T) {
	src := exodus.Source{Publisher: "Rosstat"}
	tab := smallTable().WithSources(src)
	s, _ := tab.Scale(2)
	if diff := cmp.Diff([]exodus.Source{src}, s.Sources()); diff != "" {
		t.Errorf("derived table lost its sources (-want +got):\n%s", diff)
	}
	if len(smallTable().Sources()) != 0 {
		t.Error("WithSources changed its receiver")
	}
}

func TestCSVRoundTrip(t *testing.T) {
	nan := math.NaN()
	tab := workforce.MustNewTable([]string{"A", "B, with comma"}, []string{"1", "2"}, [][]float64{{0.1, nan}, {3e6, 1.0 / 3}})
	var buf bytes.Buffer
	if err := tab.WriteCSV(&buf, "sector"); err != nil {
		t.Fatal(err)
	}
	want := "sector,1,2\nA,0.1,\n\"B, with comma\",3e+06,0.3333333333333333\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteCSV (-want +got):\n%s", diff)
	}
	back, err := workforce.ReadCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Equal(tab) {
		t.Errorf("round trip: got %v", back.Values())
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		in  string
		err error
	}{
		{"", workforce.ErrSyntax},
		{"s,1\nA,x\n", workforce.ErrSyntax},
		{"s,1\nA,NaN\n", workforce.ErrSyntax},
		{"s,1\nA,-1\n", workforce.ErrBadValue},
		{"s,1\nA,+Inf\n", workforce.ErrBadValue},
		{"s,1\nA,1,2\n", workforce.ErrSyntax},
		{"s,1,1\nA,1,2\n", workforce.ErrSyntax},  // duplicate column label
		{"s,1\nA,1\nA,2\n", workforce.ErrSyntax}, // duplicate row label
		{"s,,1\nA,1,2\n", workforce.ErrSyntax},   // empty column label
		{"s,1\n,1\n", workforce.ErrSyntax},       // empty row label
		{"s,1\n\"A,1\n", workforce.ErrSyntax},
	}
	for _, tt := range tests {
		if _, err := workforce.ReadCSV(strings.NewReader(tt.in)); !errors.Is(err, tt.err) {
			t.Errorf("ReadCSV(%q) error = %v, want %v", tt.in, err, tt.err)
		}
	}
}

// TestReadCSVDuplicateLines checks that a duplicate label's error gives
// both places, which is the point of the message (the kind is checked with
// errors.Is above).
func TestReadCSVDuplicateLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// hand: header on line 2 (after a comment), "A" on lines 3 and 5
		{"# c\ns,1\nA,1\nB,2\nA,3\n", []string{`"A"`, "lines 3 and 5"}},
		// hand: "x" is the header's fields 2 and 4, on line 1
		{"s,x,y,x\nA,1,2,3\n", []string{`"x"`, "line 1", "fields 2 and 4"}},
	}
	for _, tt := range tests {
		_, err := workforce.ReadCSV(strings.NewReader(tt.in))
		if !errors.Is(err, workforce.ErrSyntax) {
			t.Fatalf("ReadCSV(%q) error = %v, want ErrSyntax", tt.in, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("ReadCSV(%q) error = %q, does not say %s", tt.in, err, w)
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("sector,1,2\nA,0.1,\nB,3e6,4\n")
	f.Add("# comment\ns,x\n\"q\"\"\",1\n")
	f.Add("s\nA\n")
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := workforce.ReadCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := tab.WriteCSV(&buf, "s"); err != nil {
			return // labels that CSV cannot carry back (such as a leading '#') are refused
		}
		back, err := workforce.ReadCSV(&buf)
		if err != nil {
			t.Fatalf("re-reading %q: %v", buf.String(), err)
		}
		if !back.Equal(tab) {
			t.Fatalf("round trip changed the table: %q", buf.String())
		}
	})
}

// A table whose row, column or grand total overflows float64 is refused at
// construction, naming the line: every cell is finite, but 1e308 + 1e308
// is +Inf (math.MaxFloat64 ≈ 1.8e308).
func TestNewTableTotalOverflow(t *testing.T) {
	t.Parallel()
	const big = 1e308
	tests := []struct {
		name string
		vals [][]float64
		line string // the line the error names
	}{
		{"row", [][]float64{{big, big}, {0, 0}}, `row "a"`},
		{"column", [][]float64{{big, 0}, {big, 0}}, `column "x"`},
		{"grand total", [][]float64{{big, 0}, {0, big}}, "grand total"},
	}
	for _, tt := range tests {
		_, err := workforce.NewTable([]string{"a", "b"}, []string{"x", "y"}, tt.vals)
		if !errors.Is(err, workforce.ErrBadValue) || !strings.Contains(fmt.Sprint(err), tt.line) {
			t.Errorf("%s: NewTable error = %v, want ErrBadValue naming %s", tt.name, err, tt.line)
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "r,x,y\na,%v,%v\nb,%v,%v\n", tt.vals[0][0], tt.vals[0][1], tt.vals[1][0], tt.vals[1][1])
		if _, err := workforce.ReadCSV(&b); !errors.Is(err, workforce.ErrBadValue) {
			t.Errorf("%s: ReadCSV error = %v, want ErrBadValue", tt.name, err)
		}
	}
	// A missing cell does not hide an overflow in the rest of its line.
	if _, err := workforce.NewTable([]string{"a"}, []string{"x", "y", "z"}, [][]float64{{big, math.NaN(), big}}); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("overflow beside a missing cell: %v, want ErrBadValue", err)
	}
}

// ReadCSV trims the spaces around labels, so " A " is the row "A", and
// labels that differ only in spaces are duplicates.
func TestReadCSVTrimsLabels(t *testing.T) {
	t.Parallel()
	got, err := workforce.ReadCSV(strings.NewReader("sector, 1 ,2\n A ,1,2\nJ  ,3,4\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2"}, [][]float64{{1, 2}, {3, 4}}) // hand: the same table without the spaces
	if diff := cmp.Diff([2][]string{want.Rows(), want.Cols()}, [2][]string{got.Rows(), got.Cols()}); diff != "" || !got.Equal(want) {
		t.Errorf("ReadCSV labels mismatch (-want +got):\n%s", diff)
	}
	for _, in := range []string{"s,x\nA,1\n A,2\n", "s,x, x\nA,1,2\n", "s,x\n  ,1\n"} {
		if _, err := workforce.ReadCSV(strings.NewReader(in)); !errors.Is(err, workforce.ErrSyntax) {
			t.Errorf("ReadCSV(%q): error %v, want ErrSyntax", in, err)
		}
	}
}

// A cell of -0 is stored, printed and written as 0.
func TestTableNegativeZero(t *testing.T) {
	t.Parallel()
	negZero := math.Copysign(0, -1)
	fromNew := workforce.MustNewTable([]string{"A"}, []string{"1"}, [][]float64{{negZero}})
	fromCSV, err := workforce.ReadCSV(strings.NewReader("s,1\nA,-0\n"))
	if err != nil {
		t.Fatal(err)
	}
	var fromJSON workforce.Table
	if err := fromJSON.UnmarshalJSON([]byte(`{"rows":["A"],"cols":["1"],"values":[[-0]]}`)); err != nil {
		t.Fatal(err)
	}
	for name, tab := range map[string]*workforce.Table{"NewTable": fromNew, "ReadCSV": fromCSV, "UnmarshalJSON": &fromJSON} {
		if x := tab.At(0, 0); math.Signbit(x) {
			t.Errorf("%s: cell = %v, want 0", name, x)
		}
		var b bytes.Buffer
		if err := tab.WriteCSV(&b, "s"); err != nil {
			t.Fatal(err)
		}
		if got, want := b.String(), "s,1\nA,0\n"; got != want { // hand: 0 without its sign
			t.Errorf("%s: WriteCSV = %q, want %q", name, got, want)
		}
	}
}
