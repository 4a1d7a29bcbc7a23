package workforce_test

import (
	"errors"
	"math"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
)

func TestParseSector(t *testing.T) {
	tests := []struct {
		in   string
		want workforce.Sector
		err  error
	}{
		{"A", workforce.Agriculture, nil},
		{" j ", workforce.Information, nil}, // ISIC Rev.4: J = Information and communication
		{"U", workforce.Extraterritorial, nil},
		{"V", 0, workforce.ErrUnknownCode},
		{"", 0, workforce.ErrUnknownCode},
		{"AB", 0, workforce.ErrUnknownCode},
		{"@", 0, workforce.ErrUnknownCode},
	}
	for _, tt := range tests {
		got, err := workforce.ParseSector(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("ParseSector(%q) = %v, %v; want %v, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestSectorRoundTrip(t *testing.T) {
	secs := workforce.Sectors()
	if len(secs) != 21 { // ISIC Rev.4 has 21 sections, A–U
		t.Fatalf("len(Sectors()) = %d, want 21", len(secs))
	}
	for _, s := range secs {
		p, err := workforce.ParseSector(s.String())
		if err != nil || p != s {
			t.Errorf("ParseSector(%v.String()) = %v, %v", s, p, err)
		}
		if s.Title() == "" || s.TitleRU() == "" {
			t.Errorf("sector %v has an empty title", s)
		}
	}
	var zero workforce.Sector
	if zero.Valid() || zero.String() != "Sector(0)" || zero.Title() != "" {
		t.Errorf("zero Sector: Valid %v, String %q, Title %q", zero.Valid(), zero.String(), zero.Title())
	}
	// ISIC Rev.4 titles of two sections, by hand from the classification.
	if got := workforce.Information.Title(); got != "Information and communication" {
		t.Errorf("J title = %q", got)
	}
	if got := workforce.Trade.TitleRU(); got != "Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов" {
		t.Errorf("G Russian title = %q", got)
	}
}

func TestOccupationSkillLevels(t *testing.T) {
	// ILO, ISCO-08 Vol. 1 (2012), table 2, as reproduced by the World Bank (table 1.2).
	want := map[string][]workforce.SkillLevel{
		"0": {1, 2, 4}, "1": {3, 4}, "2": {4}, "3": {3},
		"4": {2}, "5": {2}, "6": {2}, "7": {2}, "8": {2}, "9": {1},
	}
	for _, o := range workforce.Occupations() {
		p, err := workforce.ParseOccupation(o.String())
		if err != nil || p != o {
			t.Errorf("ParseOccupation(%q) = %v, %v", o.String(), p, err)
		}
		if diff := cmp.Diff(want[o.String()], o.SkillLevels()); diff != "" {
			t.Errorf("%v.SkillLevels() mismatch (-want +got):\n%s", o, diff)
		}
	}
	if workforce.Managers.Code() != 1 || workforce.ArmedForces.Code() != 0 {
		t.Errorf("codes: managers %d, armed forces %d", workforce.Managers.Code(), workforce.ArmedForces.Code())
	}
	for _, bad := range []string{"10", "-1", "x", ""} {
		if _, err := workforce.ParseOccupation(bad); !errors.Is(err, workforce.ErrUnknownCode) {
			t.Errorf("ParseOccupation(%q) error = %v, want ErrUnknownCode", bad, err)
		}
	}
	var zero workforce.Occupation
	if zero.SkillLevels() != nil || zero.Code() != -1 || zero.String() != "Occupation(0)" {
		t.Errorf("zero Occupation misbehaves")
	}
}

func TestSkillLevelsAndBands(t *testing.T) {
	// ILO broad bands: low = 1, medium = 2, high = 3–4 (World Bank table 1.2).
	want := []workforce.Band{workforce.Low, workforce.Medium, workforce.High, workforce.High}
	for i, k := range workforce.SkillLevels() {
		if k.Band() != want[i] {
			t.Errorf("level %v band = %v, want %v", k, k.Band(), want[i])
		}
		p, err := workforce.ParseSkillLevel(k.String())
		if err != nil || p != k {
			t.Errorf("ParseSkillLevel(%q) = %v, %v", k.String(), p, err)
		}
	}
	for _, b := range workforce.Bands() {
		p, err := workforce.ParseBand(b.String())
		if err != nil || p != b {
			t.Errorf("ParseBand(%q) = %v, %v", b.String(), p, err)
		}
	}
	if _, err := workforce.ParseSkillLevel("5"); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("ParseSkillLevel(5) error = %v", err)
	}
	if _, err := workforce.ParseBand("very high"); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("ParseBand error = %v", err)
	}
	if s := workforce.SkillLevel(9).String(); s != "SkillLevel(9)" {
		t.Errorf("String = %q", s)
	}
	if s := workforce.Band(0).String(); s != "Band(0)" {
		t.Errorf("String = %q", s)
	}
}

func TestSkillMapSplit(t *testing.T) {
	tests := []struct {
		name string
		m    workforce.SkillMap
		o    workforce.Occupation
		want [4]float64
	}{
		{"default managers: even 3/4", workforce.SkillMap{}, workforce.Managers, [4]float64{0, 0, 0.5, 0.5}},
		{"default armed forces: thirds of 1, 2, 4", workforce.SkillMap{}, workforce.ArmedForces, [4]float64{1.0 / 3, 1.0 / 3, 0, 1.0 / 3}},
		{"managers 1:3", workforce.SkillMap{Managers: [2]float64{1, 3}}, workforce.Managers, [4]float64{0, 0, 0.25, 0.75}},
		{"professionals", workforce.SkillMap{Managers: [2]float64{1, 3}}, workforce.Professionals, [4]float64{0, 0, 0, 1}},
		{"elementary", workforce.SkillMap{}, workforce.Elementary, [4]float64{1, 0, 0, 0}},
		// hand: equal weights split evenly, however large; their sum
		// 2e308 overflows float64 (issue 5, finding 2)
		{"managers huge equal", workforce.SkillMap{Managers: [2]float64{1e308, 1e308}}, workforce.Managers, [4]float64{0, 0, 0.5, 0.5}},
		{"managers 2^1022:3·2^1022", workforce.SkillMap{Managers: [2]float64{math.Ldexp(1, 1022), math.Ldexp(3, 1022)}}, workforce.Managers, [4]float64{0, 0, 0.25, 0.75}},
		{"armed forces huge", workforce.SkillMap{ArmedForces: [3]float64{1e308, 1e308, 1e308}}, workforce.ArmedForces, [4]float64{1.0 / 3, 1.0 / 3, 0, 1.0 / 3}},
		// hand: 5e-324 is the smallest subnormal; 1:1 is half each
		{"managers subnormal", workforce.SkillMap{Managers: [2]float64{5e-324, 5e-324}}, workforce.Managers, [4]float64{0, 0, 0.5, 0.5}},
		{"managers one zero", workforce.SkillMap{Managers: [2]float64{0, 1e308}}, workforce.Managers, [4]float64{0, 0, 0, 1}},
	}
	for _, tt := range tests {
		got, err := tt.m.Split(tt.o)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Split mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
	for _, m := range []workforce.SkillMap{
		{Managers: [2]float64{-1, 1}},
		{Managers: [2]float64{math.NaN(), 1}},
		{Managers: [2]float64{math.Inf(1), 1}},
		{ArmedForces: [3]float64{1, -0.5, 1}},
	} {
		o := workforce.Managers
		if m.Managers == [2]float64{} {
			o = workforce.ArmedForces
		}
		if got, err := m.Split(o); !errors.Is(err, workforce.ErrBadValue) {
			t.Errorf("%+v.Split(%v) = %v, %v; want ErrBadValue", m, o, got, err)
		}
	}
	if _, err := (workforce.SkillMap{}).Split(0); !errors.Is(err, workforce.ErrUnknownCode) {
		t.Errorf("invalid occupation: error = %v", err)
	}
}

// Fuzz: the parsers never panic, and what they accept prints back to a
// string they parse to the same value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"A", "u", " j ", "0", "9", "4", "high", "LOW", "", "Z", "10", "B-F", "g – u", "F-B", "A-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		// ParseSectors: valid sections, consecutive, and a single one
		// exactly when ParseSector accepts the text.
		secs, err := workforce.ParseSectors(in)
		_, one := workforce.ParseSector(in)
		if err == nil {
			for k, s := range secs {
				if !s.Valid() || (k > 0 && s != secs[k-1]+1) {
					t.Fatalf("sectors %q → %v", in, secs)
				}
			}
			if (len(secs) == 1) != (one == nil) {
				t.Fatalf("sectors %q → %v, but ParseSector error %v", in, secs, one)
			}
		} else if one == nil {
			t.Fatalf("ParseSector accepts %q, ParseSectors does not: %v", in, err)
		}
		if s, err := workforce.ParseSector(in); err == nil {
			if p, err := workforce.ParseSector(s.String()); err != nil || p != s || !s.Valid() {
				t.Fatalf("sector %q → %v → %v, %v", in, s, p, err)
			}
		}
		if o, err := workforce.ParseOccupation(in); err == nil {
			if p, err := workforce.ParseOccupation(o.String()); err != nil || p != o || !o.Valid() {
				t.Fatalf("occupation %q → %v → %v, %v", in, o, p, err)
			}
		}
		if k, err := workforce.ParseSkillLevel(in); err == nil {
			if p, err := workforce.ParseSkillLevel(k.String()); err != nil || p != k || !k.Valid() {
				t.Fatalf("skill level %q → %v → %v, %v", in, k, p, err)
			}
		}
		if b, err := workforce.ParseBand(in); err == nil {
			if p, err := workforce.ParseBand(b.String()); err != nil || p != b || !b.Valid() {
				t.Fatalf("band %q → %v → %v, %v", in, b, p, err)
			}
		}
	})
}
