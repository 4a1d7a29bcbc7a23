package workforce_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
)

// Issue 5, finding 3: functions taking a *Table return an error for nil.
func TestNilTableArguments(t *testing.T) {
	if got, _, err := workforce.Fit(nil, nil, nil, workforce.FitOptions{}); !errors.Is(err, workforce.ErrBadValue) || got != nil {
		t.Errorf("Fit(nil) = %v, %v; want ErrBadValue", got, err)
	}
	if got, err := workforce.ControlledRound(nil, 1); !errors.Is(err, workforce.ErrBadValue) || got != nil {
		t.Errorf("ControlledRound(nil, 1) = %v, %v; want ErrBadValue", got, err)
	}
	if smallTable().Equal(nil) {
		t.Error("a 2×3 table equals nil")
	}
	var zero workforce.Table
	if !zero.Equal(nil) {
		t.Error("the zero Table does not equal nil (both are empty)")
	}
}

// Issue 5, finding 3: every method of a nil *Table behaves as on the zero
// Table (the documented empty table).
func TestNilTableMethods(t *testing.T) {
	var nilT *workforce.Table
	zero := &workforce.Table{}
	for _, tab := range []*workforce.Table{nilT, zero} {
		name := fmt.Sprintf("%T(%v)", tab, tab == nil)
		r, c := tab.Dims()
		got := []any{r, c, tab.Rows(), tab.Cols(), tab.Values(), tab.RowTotals(), tab.ColTotals(), tab.Total(), tab.HasMissing(), tab.Sources(), tab.String()}
		// hand: an empty table has no labels, no cells and totals of 0
		want := []any{0, 0, []string(nil), []string(nil), [][]float64{}, []float64{}, []float64{}, 0.0, false, []string{}, ""} // Sources prints as []
		if diff := cmp.Diff(fmt.Sprint(want), fmt.Sprint(got)); diff != "" {
			t.Errorf("%s accessors mismatch (-want +got):\n%s", name, diff)
		}
		if _, ok := tab.RowIndex("A"); ok {
			t.Errorf("%s: RowIndex found a row", name)
		}
		if _, ok := tab.ColIndex("1"); ok {
			t.Errorf("%s: ColIndex found a column", name)
		}
		if _, err := tab.Get("A", "1"); !errors.Is(err, workforce.ErrUnknownCode) {
			t.Errorf("%s: Get error = %v", name, err)
		}
		if s, err := tab.Scale(2); err != nil || !s.Equal(zero) {
			t.Errorf("%s: Scale = %v, %v", name, s, err)
		}
		if _, err := tab.Shares(); !errors.Is(err, workforce.ErrBadValue) {
			t.Errorf("%s: Shares error = %v", name, err)
		}
		if s, err := tab.RowShares(); err != nil || !s.Equal(zero) {
			t.Errorf("%s: RowShares = %v, %v", name, s, err)
		}
		if s, err := tab.ColShares(); err != nil || !s.Equal(zero) {
			t.Errorf("%s: ColShares = %v, %v", name, s, err)
		}
		if s, err := tab.SpreadMissing(nil); err != nil || !s.Equal(zero) {
			t.Errorf("%s: SpreadMissing = %v, %v", name, s, err)
		}
		if s, err := tab.SkillLevels(workforce.SkillMap{}); err != nil || s.Total() != 0 {
			t.Errorf("%s: SkillLevels = %v, %v", name, s, err)
		}
		if s, err := tab.Bands(); err != nil || s.Total() != 0 {
			t.Errorf("%s: Bands = %v, %v", name, s, err)
		}
		if s := tab.WithSources(); !s.Equal(zero) {
			t.Errorf("%s: WithSources = %v", name, s)
		}
		if !tab.Equal(nilT) || !tab.Equal(zero) {
			t.Errorf("%s: not equal to an empty table", name)
		}
		var b bytes.Buffer
		// Issue 13, row 18: ReadCSV refuses a file without rows or
		// columns, so the empty table has no CSV form.
		if err := tab.WriteCSV(&b, "sector"); !errors.Is(err, workforce.ErrShape) || b.Len() != 0 {
			t.Errorf("%s: WriteCSV = %q, %v; want nothing and ErrShape", name, b.String(), err)
		}
	}
}

// Issue 5, finding 3: Row and At out of range panic with a message naming
// the index and the row count, not a raw slice error.
func TestTableIndexPanics(t *testing.T) {
	tab := smallTable() // 2 rows, 3 columns
	for _, tt := range []struct {
		name string
		f    func()
		want string // hand: index and count from smallTable's shape
	}{
		{"Row(2)", func() { tab.Row(2) }, "row index 2 out of range [0,2)"},
		{"Row(-1)", func() { tab.Row(-1) }, "row index -1 out of range [0,2)"},
		{"At(5, 0)", func() { tab.At(5, 0) }, "row index 5 out of range [0,2)"},
		{"At(0, 3)", func() { tab.At(0, 3) }, "column index 3 out of range [0,3)"},
		{"nil.Row(0)", func() { (*workforce.Table)(nil).Row(0) }, "row index 0 out of range [0,0)"},
	} {
		func() {
			defer func() {
				msg := fmt.Sprint(recover())
				if !strings.Contains(msg, tt.want) {
					t.Errorf("%s panicked with %q, want it to name %q", tt.name, msg, tt.want)
				}
			}()
			tt.f()
		}()
	}
}

// Issue 5, finding 7: an ErrMissing error names the missing cell by its row
// and column labels (the labels are the value at fault, so the message is
// what is checked, as finance's tests check that errors name their value).
func TestMissingCellNamed(t *testing.T) {
	nan := math.NaN()
	occ := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "9"}, [][]float64{{1, 2, 3}, {4, nan, 6}})
	for _, tt := range []struct {
		name string
		err  error
	}{
		{"SkillLevels", second(occ.SkillLevels(workforce.SkillMap{}))},
		{"Fit", third(workforce.Fit(occ, []float64{1, 1}, []float64{1, 0.5, 0.5}, workforce.FitOptions{}))},
		{"ControlledRound", second(workforce.ControlledRound(occ, 1))},
		{"Shares", second(occ.Shares())},
		{"RowShares", second(occ.RowShares())},
		{"ColShares", second(occ.ColShares())},
	} {
		if !errors.Is(tt.err, workforce.ErrMissing) {
			t.Errorf("%s: error = %v, want ErrMissing", tt.name, tt.err)
			continue
		}
		if want := `("J", "2")`; !strings.Contains(tt.err.Error(), want) {
			t.Errorf("%s: error %q does not name cell %s", tt.name, tt.err, want)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func third[T, U any](_ T, _ U, err error) error { return err }

// Every method of a nil *Headcount behaves as on the zero Headcount (the
// documented empty result) instead of panicking.
func TestNilHeadcountMethods(t *testing.T) {
	s, k, b := workforce.Information, workforce.SkillLevels()[3], workforce.Bands()[2]
	sum := func(x estimate.Summary) string { return fmt.Sprint(x.Draws(), x.Mean()) }
	pair := func(lo, hi float64) string { return fmt.Sprint(lo, hi) }
	methods := map[string]func(h *workforce.Headcount) any{
		"Total":                  func(h *workforce.Headcount) any { return h.Total().N },
		"Sectors":                func(h *workforce.Headcount) any { return h.Sectors() },
		"At":                     func(h *workforce.Headcount) any { return h.Cell(s, k).N },
		"Sector":                 func(h *workforce.Headcount) any { return h.BySector(s).N },
		"Skill":                  func(h *workforce.Headcount) any { return h.BySkill(k).N },
		"Band":                   func(h *workforce.Headcount) any { return h.ByBand(b).N },
		"Expected":               func(h *workforce.Headcount) any { return h.Cell(s, k).Expected },
		"Table":                  func(h *workforce.Headcount) any { return h.Table().String() },
		"Level":                  func(h *workforce.Headcount) any { return h.Level() },
		"Draws":                  func(h *workforce.Headcount) any { return h.Draws() },
		"Interval":               func(h *workforce.Headcount) any { return pair(h.Cell(s, k).Interval()) },
		"SectorInterval":         func(h *workforce.Headcount) any { return pair(h.BySector(s).Interval()) },
		"SkillInterval":          func(h *workforce.Headcount) any { return pair(h.BySkill(k).Interval()) },
		"BandInterval":           func(h *workforce.Headcount) any { return pair(h.ByBand(b).Interval()) },
		"TotalInterval":          func(h *workforce.Headcount) any { return pair(h.Total().Interval()) },
		"Summary":                func(h *workforce.Headcount) any { return sum(h.Cell(s, k).Summary()) },
		"SectorSummary":          func(h *workforce.Headcount) any { return sum(h.BySector(s).Summary()) },
		"SkillSummary":           func(h *workforce.Headcount) any { return sum(h.BySkill(k).Summary()) },
		"BandSummary":            func(h *workforce.Headcount) any { return sum(h.ByBand(b).Summary()) },
		"TotalSummary":           func(h *workforce.Headcount) any { return sum(h.Total().Summary()) },
		"SectorWorkforce":        func(h *workforce.Headcount) any { return h.BySector(s).Workforce },
		"CellShare (Cell.Share)": func(h *workforce.Headcount) any { return h.Cell(s, k).Share() },
		"SectorShare":            func(h *workforce.Headcount) any { return h.BySector(s).Share() },
		"Workforce":              func(h *workforce.Headcount) any { return h.Workforce() == nil },
		"Sources":                func(h *workforce.Headcount) any { return len(h.Sources()) },
		"Notes":                  func(h *workforce.Headcount) any { return len(h.Notes()) },
		"String":                 func(h *workforce.Headcount) any { return h.String() },
		"CellRange":              func(h *workforce.Headcount) any { return fmt.Sprint(h.Cell(s, k).Range()) },
		"SectorRange":            func(h *workforce.Headcount) any { return fmt.Sprint(h.BySector(s).Range()) },
		"SkillRange":             func(h *workforce.Headcount) any { return fmt.Sprint(h.BySkill(k).Range()) },
		"BandRange":              func(h *workforce.Headcount) any { return fmt.Sprint(h.ByBand(b).Range()) },
		"TotalRange":             func(h *workforce.Headcount) any { return fmt.Sprint(h.Total().Range()) },
		"Capped":                 func(h *workforce.Headcount) any { return fmt.Sprintf("%+v", h.Capped()) },
		"BySector.Samples":       func(h *workforce.Headcount) any { return h.BySector(s).Samples() == nil },
		"Total.Samples":          func(h *workforce.Headcount) any { return h.Total().Samples() == nil },
		"WriteCSV": func(h *workforce.Headcount) any {
			var buf bytes.Buffer
			err := h.WriteCSV(&buf)
			return fmt.Sprint(buf.String(), err)
		},
	}
	// hand: the zero Headcount has no people, no sectors, no draws (so NaN
	// intervals and summaries) and level 0.
	want := map[string]any{
		"Total": int64(0), "Sectors": []workforce.Sector(nil), "At": int64(0), "Sector": int64(0),
		"Skill": int64(0), "Band": int64(0), "Expected": 0.0, "Level": 0.0, "Draws": 0,
		"Interval": "0 0", "SectorInterval": "0 0", "SkillInterval": "NaN NaN", "BandInterval": "NaN NaN",
		"TotalInterval": "NaN NaN", "Summary": "0 NaN", "SectorSummary": "0 NaN", "SkillSummary": "0 NaN",
		"BandSummary": "0 NaN", "TotalSummary": "0 NaN", "SectorWorkforce": 0.0, "Workforce": true,
		"Sources": 0, "Notes": 0, "String": "0 people, low skill 0, medium skill 0, high skill 0",
		"WriteCSV":  workforce.HeadcountCSVHeader + "\n<nil>", // Sprint puts no space after a string
		"CellRange": "0 0", "SectorRange": "0 0", "SkillRange": "0 0", "BandRange": "0 0", "TotalRange": "0 0",
		"Capped":           "{Draws:0 Capped:0 TotalCapped:0 Sectors:map[] PointMoved:0 PointSectors:[]}",
		"BySector.Samples": true, "Total.Samples": true,
	}
	zero := &workforce.Headcount{}
	var nilH *workforce.Headcount
	for name, m := range methods {
		z := m(zero)
		got := func() (got any) {
			defer func() {
				if r := recover(); r != nil {
					got = fmt.Sprint("panic: ", r)
				}
			}()
			return m(nilH)
		}()
		if diff := cmp.Diff(fmt.Sprint(z), fmt.Sprint(got)); diff != "" {
			t.Errorf("nil Headcount.%s mismatch with the zero Headcount (-zero +nil):\n%s", name, diff)
		}
		if w, ok := want[name]; ok {
			if diff := cmp.Diff(fmt.Sprint(w), fmt.Sprint(got)); diff != "" {
				t.Errorf("nil Headcount.%s mismatch (-want +got):\n%s", name, diff)
			}
		}
	}
}
