package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/apiserver/pkg/warning"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/autoscaling/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	_ "k8s.io/kubernetes/pkg/apis/storage/install"
	"k8s.io/kubernetes/pkg/registry/apps/daemonset"
	"k8s.io/kubernetes/pkg/registry/apps/deployment"
	"k8s.io/kubernetes/pkg/registry/apps/replicaset"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
	"k8s.io/kubernetes/pkg/registry/autoscaling/horizontalpodautoscaler"
	"k8s.io/kubernetes/pkg/registry/batch/cronjob"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/core/configmap"
	"k8s.io/kubernetes/pkg/registry/core/persistentvolumeclaim"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/secret"
	"k8s.io/kubernetes/pkg/registry/core/service"
	"k8s.io/kubernetes/pkg/registry/policy/poddisruptionbudget"
	"k8s.io/kubernetes/pkg/registry/storage/storageclass"
)

// strategy is what the API server's generic registry store calls on create and update
// (k8s.io/apiserver/pkg/registry/generic/registry/store.go).
type strategy interface {
	rest.RESTCreateStrategy
	rest.RESTUpdateStrategy
}

// served is one resource the oracle serves: its plural (for the request info) and its registry strategy
// (pkg/registry/<group>/<resource>/strategy.go).
type served struct {
	resource string
	strategy strategy
}

// kinds lists the apiVersion/kind pairs the oracle answers for: the versions Kubernetes 1.36 serves.
var kinds = map[schema.GroupVersionKind]served{
	{Group: "apps", Version: "v1", Kind: "StatefulSet"}:                    {"statefulsets", statefulset.Strategy},
	{Group: "apps", Version: "v1", Kind: "Deployment"}:                     {"deployments", deployment.Strategy},
	{Group: "apps", Version: "v1", Kind: "DaemonSet"}:                      {"daemonsets", daemonset.Strategy},
	{Group: "apps", Version: "v1", Kind: "ReplicaSet"}:                     {"replicasets", replicaset.Strategy},
	{Group: "batch", Version: "v1", Kind: "Job"}:                           {"jobs", job.Strategy},
	{Group: "batch", Version: "v1", Kind: "CronJob"}:                       {"cronjobs", cronjob.Strategy},
	{Group: "", Version: "v1", Kind: "Service"}:                            {"services", service.Strategy},
	{Group: "", Version: "v1", Kind: "PersistentVolumeClaim"}:              {"persistentvolumeclaims", persistentvolumeclaim.Strategy},
	{Group: "", Version: "v1", Kind: "ConfigMap"}:                          {"configmaps", configmap.Strategy},
	{Group: "", Version: "v1", Kind: "Secret"}:                             {"secrets", secret.Strategy},
	{Group: "", Version: "v1", Kind: "Pod"}:                                {"pods", pod.Strategy},
	{Group: "policy", Version: "v1", Kind: "PodDisruptionBudget"}:          {"poddisruptionbudgets", poddisruptionbudget.Strategy},
	{Group: "autoscaling", Version: "v1", Kind: "HorizontalPodAutoscaler"}: {"horizontalpodautoscalers", horizontalpodautoscaler.Strategy},
	{Group: "autoscaling", Version: "v2", Kind: "HorizontalPodAutoscaler"}: {"horizontalpodautoscalers", horizontalpodautoscaler.Strategy},
	{Group: "storage.k8s.io", Version: "v1", Kind: "StorageClass"}:         {"storageclasses", storageclass.Strategy},
}

// object is a request body decoded as the API server decodes it: to the internal type, defaulted on the way.
type object struct {
	gvk      schema.GroupVersionKind
	served   served
	internal runtime.Object
}

// outcome is what a create or update did: the refusal's causes (none when accepted) and the warnings.
type outcome struct {
	errors   []fieldError
	warnings []string
}

// decode reads a request body as the API server does with fieldValidation=Strict (kubectl's default since 1.27):
// the strict JSON serializer (unknown and duplicate fields are errors), the versioned defaulters, then conversion to
// the internal version (k8s.io/apiserver/pkg/endpoints/handlers/create.go). A body the server refuses with 400
// comes back as errors with a nil object.
func decode(raw []byte) (*object, []fieldError, error) {
	var typeMeta metav1.TypeMeta
	if err := json.Unmarshal(raw, &typeMeta); err != nil {
		return nil, nil, fmt.Errorf("object is not a JSON object: %v", err)
	}
	gv, err := schema.ParseGroupVersion(typeMeta.APIVersion)
	if err != nil {
		return nil, nil, unsupportedError{fmt.Sprintf("apiVersion %q: %v", typeMeta.APIVersion, err)}
	}
	gvk := gv.WithKind(typeMeta.Kind)
	s, ok := kinds[gvk]
	if !ok {
		return nil, nil, unsupportedError{fmt.Sprintf("%s %s is not served by the oracle", typeMeta.APIVersion, typeMeta.Kind)}
	}
	info, _ := runtime.SerializerInfoForMediaType(legacyscheme.Codecs.SupportedMediaTypes(), runtime.ContentTypeJSON)
	hub := schema.GroupVersion{Group: gvk.Group, Version: runtime.APIVersionInternal}
	internal, _, err := legacyscheme.Codecs.DecoderToVersion(info.StrictSerializer, hub).Decode(raw, nil, nil)
	if strict, isStrict := runtime.AsStrictDecodingError(err); isStrict {
		return nil, strictErrors(strict.Errors()), nil
	}
	if err != nil {
		return nil, []fieldError{decodeError(err)}, nil
	}
	return &object{gvk: gvk, served: s, internal: internal}, nil, nil
}

var quotedField = regexp.MustCompile(`^(unknown|duplicate) field "(.*)"$`)

func strictErrors(errs []error) []fieldError {
	out := make([]fieldError, 0, len(errs))
	for _, err := range errs {
		found := quotedField.FindStringSubmatch(err.Error())
		if found == nil {
			out = append(out, fieldError{Type: "DecodeError", Detail: err.Error()})
		} else if found[1] == "unknown" {
			out = append(out, fieldError{Field: found[2], Type: "FieldValueUnknown", Detail: err.Error()})
		} else {
			out = append(out, fieldError{Field: found[2], Type: "FieldValueDuplicate", Detail: err.Error()})
		}
	}
	return out
}

// goStructField finds the field path in encoding/json's "cannot unmarshal X into Go struct field T.a.b of type U".
var goStructField = regexp.MustCompile(`Go struct field [^.\s]+\.(\S+) of type`)

func decodeError(err error) fieldError {
	field := ""
	if found := goStructField.FindStringSubmatch(err.Error()); found != nil {
		field = found[1]
	}
	return fieldError{Field: field, Type: "DecodeError", Detail: err.Error()}
}

// requestContext is the context a request handler gives the registry: namespace, request info and a warning sink.
func requestContext(obj *object, verb string, recorder *warningRecorder) (context.Context, error) {
	accessor, err := meta.Accessor(obj.internal)
	if err != nil {
		return nil, err
	}
	namespace := ""
	if obj.served.strategy.NamespaceScoped() {
		namespace = accessor.GetNamespace()
		if namespace == "" {
			namespace = metav1.NamespaceDefault // kubectl's namespace when the manifest names none
		}
	}
	ctx := genericapirequest.WithNamespace(context.Background(), namespace)
	ctx = genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true, Verb: verb, APIPrefix: "apis", APIGroup: obj.gvk.Group, APIVersion: obj.gvk.Version,
		Namespace: namespace, Resource: obj.served.resource, Name: accessor.GetName(),
	})
	return warning.WithWarningRecorder(ctx, recorder), nil
}

// create runs a create request body through decoding and the generic store's create path up to storage:
// system metadata, generated name, the strategy's PrepareForCreate and Validate, and object metadata validation
// (rest.BeforeCreate). Service allocations are emulated (service.go); admission is not run.
func create(raw []byte) (*object, outcome, error) {
	obj, refused, err := decode(raw)
	if err != nil || refused != nil {
		return nil, outcome{errors: refused}, err
	}
	result, err := createDecoded(obj)
	return obj, result, err
}

func createDecoded(obj *object) (outcome, error) {
	recorder := &warningRecorder{}
	ctx, err := requestContext(obj, "create", recorder)
	if err != nil {
		return outcome{}, err
	}
	accessor, _ := meta.Accessor(obj.internal)
	rest.FillObjectMetaSystemFields(accessor)
	if accessor.GetGenerateName() != "" && accessor.GetName() == "" {
		accessor.SetName(obj.served.strategy.GenerateName(accessor.GetGenerateName()))
	}
	allocateService(obj.internal, nil)
	err = rest.BeforeCreate(obj.served.strategy, ctx, obj.internal)
	return outcome{errors: statusCauses(err), warnings: recorder.warnings}, nil
}

// update answers an update of old (as stored after its own create) to the request body raw, as kubectl apply's
// patch or kubectl replace leaves it: system metadata and resourceVersion carried over, then rest.BeforeUpdate
// (the strategy's PrepareForUpdate and ValidateUpdate, and metadata update validation).
func update(oldRaw, raw []byte) (answer, error) {
	old, oldResult, err := create(oldRaw)
	if err != nil {
		return answer{}, err
	}
	if len(oldResult.errors) > 0 {
		return answer{}, fmt.Errorf("the old object is refused on create: %s", describe(oldResult.errors))
	}
	obj, refused, err := decode(raw)
	if err != nil || refused != nil {
		return answer{Errors: refused}, err
	}
	if obj.gvk.GroupKind() != old.gvk.GroupKind() {
		return answer{}, fmt.Errorf("old is a %s, new a %s", old.gvk.GroupKind(), obj.gvk.GroupKind())
	}
	oldAccessor, _ := meta.Accessor(old.internal)
	oldAccessor.SetResourceVersion("1")
	accessor, _ := meta.Accessor(obj.internal)
	if accessor.GetResourceVersion() == "" {
		accessor.SetResourceVersion(oldAccessor.GetResourceVersion())
	}
	if uid := manifestUID(oldRaw); uid != "" && accessor.GetUID() == uid {
		accessor.SetUID("") // the uid both manifests carry stands for the stored one, which the server gave
	}
	recorder := &warningRecorder{}
	ctx, err := requestContext(obj, "update", recorder)
	if err != nil {
		return answer{}, err
	}
	allocateService(obj.internal, old.internal)
	err = rest.BeforeUpdate(obj.served.strategy, ctx, obj.internal, old.internal)
	return answer{Errors: statusCauses(err), Warnings: recorder.warnings}, nil
}

// manifestUID is the metadata.uid written in a manifest (an export of a live object carries one).
func manifestUID(raw []byte) types.UID {
	var manifest struct {
		Metadata struct {
			UID types.UID `json:"uid"`
		} `json:"metadata"`
	}
	_ = json.Unmarshal(raw, &manifest)
	return manifest.Metadata.UID
}

// defaulted answers the object as the API server stores it on create (defaulted, PrepareForCreate applied), in the
// request's apiVersion, with the refusal's causes if any; system metadata (uid, creationTimestamp) left out.
func defaulted(raw []byte) (answer, error) {
	obj, result, err := create(raw)
	if err != nil || obj == nil {
		return answer{Errors: result.errors}, err
	}
	accessor, _ := meta.Accessor(obj.internal)
	accessor.SetUID("")
	accessor.SetCreationTimestamp(metav1.Time{})
	encoded, err := encode(obj.internal, obj.gvk.GroupVersion())
	return answer{Errors: result.errors, Warnings: result.warnings, Object: encoded}, err
}

// encode converts an internal object to version gv and writes it as JSON.
func encode(internal runtime.Object, gv schema.GroupVersion) (json.RawMessage, error) {
	info, _ := runtime.SerializerInfoForMediaType(legacyscheme.Codecs.SupportedMediaTypes(), runtime.ContentTypeJSON)
	return runtime.Encode(legacyscheme.Codecs.EncoderForVersion(info.Serializer, gv), internal)
}

// statusCauses lists the causes of an API error as the server's Status details carry them.
func statusCauses(err error) []fieldError {
	if err == nil {
		return []fieldError{}
	}
	var status apierrors.APIStatus
	if !errors.As(err, &status) || status.Status().Details == nil || len(status.Status().Details.Causes) == 0 {
		return []fieldError{{Type: string(apierrors.ReasonForError(err)), Detail: err.Error()}}
	}
	causes := status.Status().Details.Causes
	out := make([]fieldError, len(causes))
	for i, cause := range causes {
		out[i] = fieldError{Field: cause.Field, Type: string(cause.Type), Detail: cause.Message}
	}
	return out
}

func describe(errs []fieldError) string {
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = e.Field + ": " + e.Detail
	}
	return strings.Join(parts, "; ")
}

// warningRecorder collects the warnings a strategy adds (warning.AddWarning), in a stable order.
type warningRecorder struct{ warnings []string }

func (r *warningRecorder) AddWarning(agent, text string) {
	r.warnings = append(r.warnings, text)
	sort.Strings(r.warnings)
}
