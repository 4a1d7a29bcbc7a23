package workforce_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Issue 14, item 9: a three-sector table (agriculture, industry, services)
// split into sections in proportion to another table's rows.
func TestSplitSections(t *testing.T) {
	t.Parallel()
	three := workforce.MustNewTable([]string{"A", "B-F", "G–U"}, []string{"1", "2"}, [][]float64{{10, 20}, {30, 60}, {40, 0}})
	by := workforce.MustNewTable(
		[]string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"},
		[]string{"all"},
		[][]float64{{7}, {1}, {2}, {0}, {0}, {3}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {1}, {0}})
	got, err := three.SplitSections(by)
	if err != nil {
		t.Fatal(err)
	}
	// hand: A kept; B-F = 1+2+0+0+3 = 6, so B gets 1/6 of (30, 60) = (5, 10),
	// C 2/6 = (10, 20), D and E nothing, F 3/6 = (15, 30); G-U = 15 rows of
	// 1 (G to T, 14 sections) and U of 0, so each of G..T gets 1/14 of (40, 0) and U nothing.
	g := 40.0 / 14
	want := [][]float64{{10, 20}, {5, 10}, {10, 20}, {0, 0}, {0, 0}, {15, 30}}
	for range 14 {
		want = append(want, []float64{g, 0})
	}
	want = append(want, []float64{0, 0})
	if diff := cmp.Diff(want, got.Values(), cmpopts.EquateApprox(1e-15, 0)); diff != "" {
		t.Errorf("SplitSections values mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(by.Rows(), got.Rows()); diff != "" {
		t.Errorf("SplitSections rows mismatch (-want +got):\n%s", diff)
	}
	// hand: the split keeps every person: 10+20+30+60+40 = 160
	if tot := got.Total(); tot < 160-1e-12 || tot > 160+1e-12 {
		t.Errorf("total %v, want 160", tot)
	}
	for _, tt := range []struct {
		rows []string
		by   *workforce.Table
		err  error
	}{
		{[]string{"A", "A-C"}, by, workforce.ErrUnknownCode},                                                                // A twice
		{[]string{"industry"}, by, workforce.ErrUnknownCode},                                                                // not a section
		{[]string{"F-B"}, by, workforce.ErrUnknownCode},                                                                     // backwards
		{[]string{"B-F"}, workforce.MustNewTable([]string{"B"}, []string{"x"}, [][]float64{{1}}), workforce.ErrUnknownCode}, // C missing from by
		{[]string{"D-E"}, by, workforce.ErrBadValue},                                                                        // total zero
	} {
		vals := make([][]float64, len(tt.rows))
		for i := range vals {
			vals[i] = []float64{1}
		}
		tab := workforce.MustNewTable(tt.rows, []string{"x"}, vals)
		if _, err := tab.SplitSections(tt.by); !errors.Is(err, tt.err) {
			t.Errorf("SplitSections(%q) error = %v, want %v", tt.rows, err, tt.err)
		}
	}
	// ParseSector's error for a range says how to split it.
	_, err = workforce.ParseSector("B-F")
	if !errors.Is(err, workforce.ErrUnknownCode) || !strings.Contains(err.Error(), "SplitSections") {
		t.Errorf("ParseSector(B-F) error = %v, want ErrUnknownCode naming SplitSections", err)
	}
}

func ExampleTable_SplitSections() {
	// A three-sector table, in thousands, as many statistics offices
	// publish it (figures for illustration).
	three := workforce.MustNewTable([]string{"A", "B-F", "G-U"}, []string{"employed"}, [][]float64{{100}, {300}, {600}})
	emp, err := workforce.DefaultEmployment(2022)
	if err != nil {
		fmt.Println(err)
		return
	}
	split, err := three.SplitSections(emp)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := split.Dims()
	c, _ := split.Get("C", "employed")
	fmt.Printf("%d sections; C gets %.1f of industry's 300\n", r, c)
	_, err = workforce.ParseSector("G-U")
	fmt.Println(err)
	// Output:
	// 21 sections; C gets 150.2 of industry's 300
	// workforce: parse sector "G-U": a range of 15 sections (G to U), not one: split an aggregated row into sections with Table.SplitSections: unknown code
}

func ExampleParseSectors() {
	secs, _ := workforce.ParseSectors("B-F")
	fmt.Println(secs)
	// Output: [B C D E F]
}
