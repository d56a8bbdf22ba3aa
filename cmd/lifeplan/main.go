// Command lifeplan turns a person-centred plan, written as TOML, into the documents
// that a young person, their family, an agreement panel, commissioners, providers and
// housing brokers each need, as PDF and DOCX.
package main

import (
	"os"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
