module lifeplan

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/go-pdf/fpdf v0.9.0
	github.com/klauspost/compress v1.20.4
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.2
	github.com/spf13/pflag v1.0.10
	github.com/yuin/goldmark v1.8.7
)

replace github.com/go-pdf/fpdf => ./generator/third_party/fpdf

require golang.org/x/text v0.14.0 // indirect
