// Command oracle answers what the Kubernetes API server of k8s.io/kubernetes v1.36.3 does with an object, by
// running the server's own decoding, defaulting, conversion and registry strategy code. It is a test tool for
// stslint's differential tests (test/oracle/), never part of stslint at run time.
//
// Protocol: one JSON request per line on standard input, one JSON answer per line on standard output, in order.
//
//	{"id": any, "op": "create",  "object": {...}}               -> {"id", "errors": [...], "warnings": [...]}
//	{"id": any, "op": "update",  "old": {...}, "object": {...}} -> {"id", "errors": [...], "warnings": [...]}
//	{"id": any, "op": "default", "object": {...}}               -> {"id", "errors": [...], "object": {...}}
//	{"id": any, "op": "pods",    "object": {StatefulSet}}       -> {"id", "errors": [...], "pods": [...]}
//
// Each error is {"field", "type", "detail"}: field is the dotted path as the API server reports it
// (spec.template.spec.containers[0].name), type is the API's cause type (FieldValueInvalid, FieldValueRequired,
// ...) or, for a body the server cannot decode, FieldValueUnknown (unknown field), FieldValueDuplicate (duplicate
// field) or DecodeError (a value of the wrong type). An empty list means the server accepts the request.
// An object whose apiVersion/kind the oracle does not serve gets {"unsupported": "<reason>"}; a request the oracle
// cannot answer (a line that is not JSON, a panic in Kubernetes code) gets {"error": "<message>"}, and the process
// reads on.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"

	"k8s.io/kubernetes/pkg/capabilities"
)

type request struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Op     string          `json:"op"`
	Object json.RawMessage `json:"object"`
	Old    json.RawMessage `json:"old,omitempty"`
}

// fieldError is one cause of a refusal, as the API server's Status details list it.
type fieldError struct {
	Field  string `json:"field"`
	Type   string `json:"type"`
	Detail string `json:"detail"`
}

type answer struct {
	ID          json.RawMessage `json:"id,omitempty"`
	Unsupported string          `json:"unsupported,omitempty"`
	Error       string          `json:"error,omitempty"`
	Errors      []fieldError    `json:"errors"`
	Warnings    []string        `json:"warnings,omitempty"`
	Object      json.RawMessage `json:"object,omitempty"`
	Pods        []podAnswer     `json:"pods,omitempty"`
}

// unsupportedError marks an object of a kind (or apiVersion) the oracle does not serve.
type unsupportedError struct{ reason string }

func (e unsupportedError) Error() string { return e.reason }

func main() {
	// kube-apiserver --allow-privileged=true, as kubeadm, kind and the managed offerings run it (the flag's own
	// default is false, which refuses every privileged container).
	capabilities.Setup(true, 0)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	for in.Scan() {
		if len(in.Bytes()) == 0 {
			continue
		}
		if err := encoder.Encode(handle(in.Bytes())); err != nil {
			fmt.Fprintln(os.Stderr, "oracle:", err)
			os.Exit(1)
		}
		out.Flush()
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "oracle:", err)
		os.Exit(1)
	}
}

// handle answers one request line; a panic anywhere below becomes an error answer.
func handle(line []byte) (result answer) {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return answer{Error: "request is not a JSON object: " + err.Error()}
	}
	defer func() {
		if p := recover(); p != nil {
			result = answer{ID: req.ID, Error: fmt.Sprintf("panic: %v\n%s", p, debug.Stack())}
		}
	}()
	result, err := dispatch(req)
	if unsupported, ok := err.(unsupportedError); ok {
		result = answer{Unsupported: unsupported.reason}
	} else if err != nil {
		result = answer{Error: err.Error()}
	}
	result.ID = req.ID
	return result
}

func dispatch(req request) (answer, error) {
	switch req.Op {
	case "create":
		_, created, err := create(req.Object)
		if err != nil {
			return answer{}, err
		}
		return answer{Errors: created.errors, Warnings: created.warnings}, nil
	case "update":
		return update(req.Old, req.Object)
	case "default":
		return defaulted(req.Object)
	case "pods":
		return statefulSetPods(req.Object)
	}
	return answer{}, fmt.Errorf("unknown op %q (expected create, update, default or pods)", req.Op)
}
