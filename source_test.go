package exodus_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/google/go-cmp/cmp"
)

func TestSourceString(t *testing.T) {
	tests := []struct {
		name string
		src  exodus.Source
		want string // hand-written citation in the documented format
	}{
		{"zero", exodus.Source{}, "unknown source"},
		{"full", exodus.Source{
			Publisher: "Central Bank of Russia",
			Title:     "Official exchange rates",
			URL:       "https://www.cbr.ru/",
			Date:      "2022-02-25",
			Note:      "USD",
		}, `Central Bank of Russia, "Official exchange rates", 2022-02-25, https://www.cbr.ru/ (USD)`},
		{"publisher only", exodus.Source{Publisher: "Alfa Bank"}, "Alfa Bank"},
		{"title and date", exodus.Source{Title: "T", Date: "2023"}, `"T", 2023`},
		{"note only", exodus.Source{Note: "hand calculation"}, "(hand calculation)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.src.String(); got != tt.want {
				t.Errorf("String() mismatch (-want +got):\n%s", cmp.Diff(tt.want, got))
			}
		})
	}
}

func TestSourceJSON(t *testing.T) {
	src := exodus.Source{Publisher: "Rosstat", Title: "Employment", URL: "https://rosstat.gov.ru/", Date: "2025-08", Note: "thousands"}
	b, err := json.Marshal(src)
	if err != nil {
		t.Fatal(err)
	}
	// The documented field names.
	const want = `{"publisher":"Rosstat","title":"Employment","url":"https://rosstat.gov.ru/","date":"2025-08","note":"thousands"}`
	if string(b) != want {
		t.Errorf("Marshal mismatch (-want +got):\n%s", cmp.Diff(want, string(b)))
	}
	var back exodus.Source
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(src, back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	zero, _ := json.Marshal(exodus.Source{})
	if string(zero) != "{}" {
		t.Errorf("zero Source marshals to %s, want {}", zero)
	}
}

func TestSourceValidate(t *testing.T) {
	for _, d := range []string{"", "2022", "2022-03", "2022-03-21"} {
		if err := (exodus.Source{Date: d}).Validate(); err != nil {
			t.Errorf("Validate(%q) = %v, want nil", d, err)
		}
	}
	for _, d := range []string{"22", "2022-13", "2022-02-30", "21.03.2022", "2022/03/21", "yesterday"} {
		if err := (exodus.Source{Date: d}).Validate(); err == nil {
			t.Errorf("Validate(%q) = nil, want an error", d)
		}
	}
}

func TestSourceIsZero(t *testing.T) {
	if !(exodus.Source{}).IsZero() {
		t.Error("zero Source: IsZero() = false")
	}
	if (exodus.Source{Note: "x"}).IsZero() {
		t.Error("Source with a note: IsZero() = true")
	}
}

func TestSourceValidateSays(t *testing.T) {
	// A date of the right shape that does not exist says why, not "not YYYY-MM-DD".
	err := exodus.Source{Date: "2022-02-30"}.Validate()
	if err == nil || !strings.Contains(err.Error(), "day out of range") {
		t.Errorf("Validate(2022-02-30) = %v, want a day-out-of-range error", err)
	}
	err = exodus.Source{Date: "2022-13"}.Validate()
	if err == nil || !strings.Contains(err.Error(), "month out of range") {
		t.Errorf("Validate(2022-13) = %v, want a month-out-of-range error", err)
	}
}
