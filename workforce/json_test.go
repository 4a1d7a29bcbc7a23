package workforce_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
)

// Issue 5, finding 4: a Table marshals to its documented shape.
func TestTableMarshalJSON(t *testing.T) {
	nan := math.NaN()
	src := exodus.Source{Publisher: "Rosstat", Date: "2023"}
	tab := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2"}, [][]float64{{1, nan}, {0.1, 3e9}}).WithSources(src)
	got, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	// hand: the documented shape, null for the missing cell
	want := `{"rows":["A","J"],"cols":["1","2"],"values":[[1,null],[0.1,3000000000]],"sources":[{"publisher":"Rosstat","date":"2023"}]}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("json.Marshal(table) mismatch (-want +got):\n%s", diff)
	}
	empty := `{"rows":[],"cols":[],"values":[],"sources":[]}`
	if got, err := json.Marshal(&workforce.Table{}); err != nil || string(got) != empty {
		t.Errorf("json.Marshal(zero table) = %s, %v; want %s", got, err, empty)
	}
	// encoding/json writes null for a nil pointer
	if got, err := json.Marshal((*workforce.Table)(nil)); err != nil || string(got) != "null" {
		t.Errorf("json.Marshal(nil *Table) = %s, %v; want null", got, err)
	}
}

// Issue 5, finding 4: the JSON round trip is lossless: labels, every bit
// of every cell, missing cells and sources.
func TestTableJSONRoundTrip(t *testing.T) {
	nan := math.NaN()
	tables := []*workforce.Table{
		&workforce.Table{},
		smallTable(),
		workforce.MustNewTable([]string{"E", "U"}, []string{"1", "6", "9"}, [][]float64{{2, nan, 3}, {nan, nan, nan}}),
		// hand-picked awkward floats: 0.1, 1/3, the smallest subnormal, the largest float
		workforce.MustNewTable([]string{"x"}, []string{"a", "b", "c", "d"}, [][]float64{{0.1, 1.0 / 3, 5e-324, math.MaxFloat64}}),
		must(workforce.DefaultWorkforce(workforce.DefaultYear)),
		must(workforce.DefaultEmployment(2022)),
	}
	for k, tab := range tables {
		data, err := json.Marshal(tab)
		if err != nil {
			t.Fatalf("table %d: %v", k, err)
		}
		var back workforce.Table
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("table %d: %v\n%s", k, err, data)
		}
		if !back.Equal(tab) {
			t.Errorf("table %d: round trip\n%v\ngave\n%v", k, tab, &back)
		}
		if diff := cmp.Diff(tab.Sources(), back.Sources()); diff != "" {
			t.Errorf("table %d: sources (-want +got):\n%s", k, diff)
		}
		// bit for bit, which Equal (==) would not tell from -0 or for NaN
		for i := range back.Values() {
			for j, x := range back.Row(i) {
				if y := tab.At(i, j); math.Float64bits(x) != math.Float64bits(y) && !(math.IsNaN(x) && math.IsNaN(y)) {
					t.Errorf("table %d cell (%d, %d): %v became %v", k, i, j, y, x)
				}
			}
		}
	}
}

func TestTableUnmarshalJSONErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{`{"rows":["A"],"cols":["1"],"values":[[1,2]]}`, workforce.ErrShape},
		{`{"rows":["A","B"],"cols":["1"],"values":[[1]]}`, workforce.ErrShape},
		{`{"rows":["A"],"cols":["1"],"values":[[-1]]}`, workforce.ErrBadValue},
		{`{"rows":["A","A"],"cols":["1"],"values":[[1],[2]]}`, workforce.ErrUnknownCode},
		{`{"rows":[""],"cols":["1"],"values":[[1]]}`, workforce.ErrUnknownCode},
		{`{"rows":["A"],"cols":["1"],"values":[null]}`, workforce.ErrSyntax},
		{`{"rows":["A"],"cols":["1"],"values":[["1"]]}`, workforce.ErrSyntax},
		{`{"rows":["A"],"cols":["1"],"values":[[1e999]]}`, workforce.ErrSyntax},
		{`{"rows":["A"],"cols":["1"],"values":[[1]],"extra":1}`, workforce.ErrSyntax},
		{`{"rows":["A"],"cols":["1"],"values":[[1]]} {}`, workforce.ErrSyntax},
		{`[1, 2]`, workforce.ErrSyntax},
		{`{"rows":`, workforce.ErrSyntax},
	}
	for _, tt := range tests {
		tab := smallTable()
		before := tab.String()
		err := tab.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, tt.want) {
			t.Errorf("UnmarshalJSON(%s) error = %v, want %v", tt.in, err, tt.want)
		}
		if tab.String() != before {
			t.Errorf("UnmarshalJSON(%s) changed the table on error", tt.in)
		}
	}
	// null is a no-op, as encoding/json expects of an Unmarshaler
	tab := smallTable()
	if err := tab.UnmarshalJSON([]byte("null")); err != nil || !tab.Equal(smallTable()) {
		t.Errorf("UnmarshalJSON(null) = %v, table %v", err, tab)
	}
	var nilT *workforce.Table
	if err := nilT.UnmarshalJSON([]byte(`{}`)); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("nil.UnmarshalJSON error = %v", err)
	}
}

// Fuzz: UnmarshalJSON returns an error or a valid table, never panics, and
// what it accepts marshals back to an equal table.
func FuzzTableUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"rows":["A","J"],"cols":["1","2"],"values":[[1,null],[0.1,3]],"sources":[{"publisher":"x"}]}`,
		`{"rows":[],"cols":[],"values":[],"sources":[]}`,
		`{"rows":["A"],"cols":["1"],"values":[[1,2]]}`,
		`{}`, `null`, `[]`, `{"values":[[]]}`, `{"rows":["A"],"values":[[]]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var tab workforce.Table
		if err := json.Unmarshal(data, &tab); err != nil {
			return
		}
		out, err := json.Marshal(&tab)
		if err != nil {
			t.Fatalf("accepted %q but cannot marshal it: %v", data, err)
		}
		var back workforce.Table
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(&tab) {
			t.Fatalf("%q → %s → %v, %v", data, out, &back, err)
		}
	})
}

// Issue 5, finding 4: the classification enums are JSON strings, their
// String codes, and read back.
func TestClassificationText(t *testing.T) {
	type all struct {
		Sectors     []workforce.Sector
		Occupations []workforce.Occupation
		Levels      []workforce.SkillLevel
		Bands       []workforce.Band
		ByLevel     map[workforce.SkillLevel]int
	}
	in := all{workforce.Sectors(), workforce.Occupations(), workforce.SkillLevels(), workforce.Bands(), map[workforce.SkillLevel]int{workforce.Skill4: 7}}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	// hand: the codes of ISIC sections, ISCO major groups, ILO levels and bands
	want := `{"Sectors":["A","B","C","D","E","F","G","H","I","J","K","L","M","N","O","P","Q","R","S","T","U"],` +
		`"Occupations":["0","1","2","3","4","5","6","7","8","9"],"Levels":["1","2","3","4"],` +
		`"Bands":["low","medium","high"],"ByLevel":{"4":7}}`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("json.Marshal mismatch (-want +got):\n%s", diff)
	}
	var back all
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	var s workforce.Sector
	if err := json.Unmarshal([]byte(`"J"`), &s); err != nil || s != workforce.Information {
		t.Errorf(`Unmarshal("J") = %v, %v`, s, err)
	}
	for _, in := range []string{`"V"`, `"10"`, `"5"`, `"huge"`} {
		var s workforce.Sector
		var o workforce.Occupation
		var k workforce.SkillLevel
		var b workforce.Band
		if errors.Is(json.Unmarshal([]byte(in), &s), workforce.ErrUnknownCode) &&
			errors.Is(json.Unmarshal([]byte(in), &o), workforce.ErrUnknownCode) &&
			errors.Is(json.Unmarshal([]byte(in), &k), workforce.ErrUnknownCode) &&
			errors.Is(json.Unmarshal([]byte(in), &b), workforce.ErrUnknownCode) {
			continue
		}
		if in != `"5"` { // "5" is an occupation; checked below
			t.Errorf("Unmarshal(%s) accepted by some enum: %v %v %v %v", in, s, o, k, b)
		}
	}
	for _, v := range []any{workforce.Sector(0), workforce.Sector(22), workforce.Occupation(0), workforce.SkillLevel(5), workforce.Band(0)} {
		if _, err := json.Marshal(v); !errors.Is(err, workforce.ErrUnknownCode) {
			t.Errorf("Marshal(invalid %T %v) error = %v", v, v, err)
		}
	}
}

// Issue 5, findings 4 and 6: a small workforce whose point headcounts are
// hand-computable: 2000 people leave a workforce of 2,000,000 with its own
// composition, so each cell is a thousandth of its workforce.
func smallHeadcount(t *testing.T) *workforce.Headcount {
	t.Helper()
	wf := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{100e3, 500e3, 200e3, 200e3}, {10e3, 40e3, 150e3, 800e3}})
	h, err := workforce.NewHeadcount(t.Context(), workforce.Scenario{
		Total: estimate.Must(estimate.Point(2000)), Workforce: wf, MonteCarlo: estimate.Options{Draws: 100},
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Issue 9, must-have §9: the JSON field names are the CSV's column names
// (package doc, "The headcount table").
func TestHeadcountMarshalJSON(t *testing.T) {
	data, err := json.Marshal(smallHeadcount(t))
	if err != nil {
		t.Fatal(err)
	}
	type count struct {
		Count  int64 `json:"count"`
		Lo, Hi int64
	}
	var got struct {
		Total   count
		Level   float64
		Draws   int
		Sectors []struct {
			Sector    string  `json:"sector"`
			Title     string  `json:"sector_title"`
			Workforce float64 `json:"sector_workforce"`
			count
			Share float64 `json:"share_of_sector_workforce"`
			Cells []struct {
				Level string `json:"skill_level"`
				count
				Share float64 `json:"share_of_sector_workforce"`
			} `json:"cells"`
		}
		SkillLevels []struct {
			Level string `json:"skill_level"`
			count
		} `json:"skill_levels"`
		Bands []struct {
			Band string
			count
		}
		Capped struct {
			Capped int `json:"capped"`
		}
		Notes []string
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&got); err == nil {
		t.Fatalf("decoding with a struct that lacks sources: no error; the test does not see every field")
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	// hand: cells are workforce/1000; C = 1000 of 1,000,000 (share 0.001);
	// J level 4 = 800 of J's 1,000,000 (0.0008); bands low 110, medium
	// 540, high 1350; every interval is the point value (point inputs)
	if got.Total != (count{2000, 2000, 2000}) || got.Level != 0.9 || got.Draws != 100 || len(got.Sectors) != 2 {
		t.Fatalf("JSON %s", data)
	}
	c, j := got.Sectors[0], got.Sectors[1]
	if c.Sector != "C" || c.Title != workforce.Manufacturing.Title() || c.Workforce != 1e6 || c.count != (count{1000, 1000, 1000}) || math.Abs(c.Share-0.001) > 1e-15 {
		t.Errorf("sector C: %+v", c)
	}
	l4 := j.Cells[3]
	if l4.Level != "4" || l4.count != (count{800, 800, 800}) || math.Abs(l4.Share-0.0008) > 1e-15 {
		t.Errorf("J level 4: %+v", l4)
	}
	if len(got.SkillLevels) != 4 || got.SkillLevels[0].count != (count{110, 110, 110}) || got.SkillLevels[0].Level != "1" {
		t.Errorf("skill levels: %+v", got.SkillLevels)
	}
	if len(got.Bands) != 3 || got.Bands[0].Count != 110 || got.Bands[1].Count != 540 || got.Bands[2].Count != 1350 || got.Bands[2].Band != "high" {
		t.Errorf("bands: %+v", got.Bands)
	}
	if len(got.Notes) == 0 || got.Capped.Capped != 0 {
		t.Errorf("notes %q, capped %+v", got.Notes, got.Capped)
	}
	// The zero Headcount: no draws, so each interval is its count.
	data, err = json.Marshal(&workforce.Headcount{})
	if err != nil || !strings.Contains(string(data), `"total":{"count":0,"lo":0,"hi":0}`) {
		t.Errorf("zero Headcount JSON %s, %v", data, err)
	}
}

// Issue 5, finding 6, and issue 9, must-have §9: WriteCSV, checked against
// the hand-computed cells, in the one schema.
func TestHeadcountWriteCSV(t *testing.T) {
	var b strings.Builder
	if err := smallHeadcount(t).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	// hand: count = workforce/1000, interval the point value, share =
	// count / sector workforce (1,000,000 for both C and J), written in
	// strconv's shortest form (1e-05 for 0.00001)
	want := workforce.HeadcountCSVHeader + `
C,Manufacturing,1,100,100,100,1000000,0.0001
C,Manufacturing,2,500,500,500,1000000,0.0005
C,Manufacturing,3,200,200,200,1000000,0.0002
C,Manufacturing,4,200,200,200,1000000,0.0002
J,Information and communication,1,10,10,10,1000000,1e-05
J,Information and communication,2,40,40,40,1000000,4e-05
J,Information and communication,3,150,150,150,1000000,0.00015
J,Information and communication,4,800,800,800,1000000,0.0008
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WriteCSV mismatch (-want +got):\n%s", diff)
	}
	b.Reset()
	if err := (&workforce.Headcount{}).WriteCSV(&b); err != nil || b.String() != workforce.HeadcountCSVHeader+"\n" {
		t.Errorf("zero Headcount WriteCSV = %q, %v", b.String(), err)
	}
	if err := smallHeadcount(t).WriteCSV(failWriter{}); err == nil {
		t.Error("WriteCSV to a failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// A struct field of type Table or Headcount (a value, not a pointer)
// marshals like the pointer, not as {}.
func TestJSONValueFields(t *testing.T) {
	t.Parallel()
	tab := workforce.MustNewTable([]string{"A"}, []string{"1"}, [][]float64{{2}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      must(estimate.Point(10)),
		MonteCarlo: estimate.Options{Draws: 10},
	})
	if err != nil {
		t.Fatal(err)
	}
	type report struct {
		Table     workforce.Table
		Headcount workforce.Headcount
	}
	got, err := json.Marshal(report{Table: *tab, Headcount: *h})
	if err != nil {
		t.Fatal(err)
	}
	// independent: the same values marshalled through their pointers
	tj, _ := json.Marshal(tab)
	hj, _ := json.Marshal(h)
	want := `{"Table":` + string(tj) + `,"Headcount":` + string(hj) + `}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("json.Marshal(report) mismatch (-want +got):\n%s", diff)
	}
}

// A Scenario can be saved as JSON, Progress callback and all.
func TestScenarioJSON(t *testing.T) {
	t.Parallel()
	sc := workforce.Scenario{
		Share:      must(estimate.Point(0.015)),
		MonteCarlo: estimate.Options{Draws: 100, Progress: func(int, int) {}},
	}
	data, err := json.Marshal(sc)
	if err != nil {
		t.Fatalf("json.Marshal(Scenario) = %v", err)
	}
	if !strings.Contains(string(data), `"Draws":100`) {
		t.Errorf("json.Marshal(Scenario) = %s, want the Monte Carlo options", data)
	}
}
