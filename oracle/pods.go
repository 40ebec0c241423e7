package main

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/rand"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	corevalidation "k8s.io/kubernetes/pkg/apis/core/validation"
)

// maxPods bounds the ordinals answered for one StatefulSet (replicas may be any int32).
const maxPods = 1000

// podAnswer is one pod the StatefulSet controller creates: the pod as the controller sends it, the refusal's causes
// when the API server creates it (empty when accepted), and the claims the controller creates before it.
type podAnswer struct {
	Ordinal int             `json:"ordinal"`
	Name    string          `json:"name"`
	Pod     json.RawMessage `json:"pod"`
	Errors  []fieldError    `json:"errors"`
	Claims  []claimAnswer   `json:"claims"`
}

type claimAnswer struct {
	Name   string       `json:"name"`
	Errors []fieldError `json:"errors"`
}

// statefulSetPods answers, for a StatefulSet as the API server stores it, the pods of ordinals spec.ordinals.start
// to start+replicas-1 (at most maxPods) and their claims, each run through the API server's create path. The
// construction is ours, following pkg/controller/statefulset/stateful_set_utils.go (newStatefulSetPod,
// initIdentity, updateStorage, getPersistentVolumeClaims) and pkg/controller/controller_utils.go
// (GetPodFromTemplate, getPodsPrefix). The answer's errors are the StatefulSet's own create errors; pods are
// answered even when it is refused.
func statefulSetPods(raw []byte) (answer, error) {
	obj, result, err := create(raw)
	if err != nil || obj == nil {
		return answer{Errors: result.errors}, err
	}
	var set appsv1.StatefulSet
	if obj.gvk.Kind != "StatefulSet" {
		return answer{}, fmt.Errorf("pods answers for a StatefulSet, not a %s", obj.gvk.Kind)
	}
	if err := legacyscheme.Scheme.Convert(obj.internal, &set, nil); err != nil {
		return answer{}, err
	}
	revision, err := revisionName(&set)
	if err != nil {
		return answer{}, err
	}
	start := 0
	if set.Spec.Ordinals != nil {
		start = int(set.Spec.Ordinals.Start)
	}
	pods := []podAnswer{}
	for ordinal := start; ordinal < start+min(int(*set.Spec.Replicas), maxPods); ordinal++ {
		pod, err := podFor(&set, ordinal, revision)
		if err != nil {
			return answer{}, err
		}
		pods = append(pods, pod)
	}
	return answer{Errors: result.errors, Warnings: result.warnings, Pods: pods}, nil
}

func podFor(set *appsv1.StatefulSet, ordinal int, revision string) (podAnswer, error) {
	pod := newPod(set, ordinal, revision)
	encoded, refused, err := sendCreate(pod)
	if err != nil {
		return podAnswer{}, err
	}
	claims := []claimAnswer{}
	for _, claim := range claimsFor(set, ordinal) {
		_, claimRefused, err := sendCreate(&claim)
		if err != nil {
			return podAnswer{}, err
		}
		claims = append(claims, claimAnswer{Name: claim.Name, Errors: claimRefused})
	}
	return podAnswer{Ordinal: ordinal, Name: pod.Name, Pod: encoded, Errors: refused, Claims: claims}, nil
}

// sendCreate sends an object the controller builds through the create path, as its client would: the JSON body
// and the refusal's causes (empty when accepted).
func sendCreate(object any) (json.RawMessage, []fieldError, error) {
	body, err := json.Marshal(object)
	if err != nil {
		return nil, nil, err
	}
	_, created, err := create(body)
	return body, created.errors, err
}

// newPod is the pod of one ordinal: the template's labels, annotations, finalizers and spec, a controller
// reference to the set, generateName (the set's name and a dash when that is a valid prefix), the name
// <set>-<ordinal>, hostname = name, subdomain = spec.serviceName, the identity and revision labels, and a
// persistentVolumeClaim volume per claim template in place of any template volume of the same name.
func newPod(set *appsv1.StatefulSet, ordinal int, revision string) *corev1.Pod {
	name := fmt.Sprintf("%s-%d", set.Name, ordinal)
	prefix := set.Name + "-"
	if len(corevalidation.ValidatePodName(prefix, true)) != 0 {
		prefix = set.Name
	}
	labels := maps.Clone(set.Spec.Template.Labels)
	if labels == nil {
		labels = map[string]string{}
	}
	labels[appsv1.StatefulSetPodNameLabel] = name
	labels[appsv1.PodIndexLabel] = fmt.Sprint(ordinal)
	labels[appsv1.StatefulSetRevisionLabel] = revision
	pod := &corev1.Pod{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{
			Name: name, GenerateName: prefix, Namespace: set.Namespace, Labels: labels,
			Annotations: maps.Clone(set.Spec.Template.Annotations),
			Finalizers:  slices.Clone(set.Spec.Template.Finalizers),
			OwnerReferences: []metav1.OwnerReference{
				*metav1.NewControllerRef(set, appsv1.SchemeGroupVersion.WithKind("StatefulSet")),
			},
		},
		Spec: *set.Spec.Template.Spec.DeepCopy(),
	}
	pod.Spec.Hostname = name
	pod.Spec.Subdomain = set.Spec.ServiceName
	volumes := []corev1.Volume{}
	claimed := map[string]bool{}
	for i, claim := range claimsFor(set, ordinal) {
		template := set.Spec.VolumeClaimTemplates[i].Name
		claimed[template] = true
		volumes = append(volumes, corev1.Volume{Name: template, VolumeSource: corev1.VolumeSource{
			PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{ClaimName: claim.Name},
		}})
	}
	for _, volume := range pod.Spec.Volumes {
		if !claimed[volume.Name] {
			volumes = append(volumes, volume)
		}
	}
	pod.Spec.Volumes = volumes
	return pod
}

// claimsFor lists the claims of one ordinal, in the order of spec.volumeClaimTemplates: <template>-<set>-<ordinal>, in the set's
// namespace, with the template's labels plus the set's selector matchLabels.
func claimsFor(set *appsv1.StatefulSet, ordinal int) []corev1.PersistentVolumeClaim {
	claims := make([]corev1.PersistentVolumeClaim, len(set.Spec.VolumeClaimTemplates))
	for i, template := range set.Spec.VolumeClaimTemplates {
		claim := template.DeepCopy()
		claim.APIVersion, claim.Kind = "v1", "PersistentVolumeClaim"
		claim.Name = fmt.Sprintf("%s-%s-%d", template.Name, set.Name, ordinal)
		claim.Namespace = set.Namespace
		if claim.Labels == nil {
			claim.Labels = map[string]string{}
		}
		if set.Spec.Selector != nil {
			maps.Copy(claim.Labels, set.Spec.Selector.MatchLabels)
		}
		claims[i] = *claim
	}
	return claims
}

// revisionName is the name of the set's current ControllerRevision, which the controller writes into each pod's
// controller-revision-hash label: <set>-<hash>, the set's name cut to 223 bytes, the hash being the 32-bit FNV-1 hash of
// the revision's data, in decimal, with SafeEncodeString's letters (pkg/controller/history/controller_history.go: ControllerRevisionName, HashControllerRevision;
// the data is the patch of getPatch in pkg/controller/statefulset/stateful_set_utils.go: {"spec":{"template":
// <template with "$patch":"replace">}}, keys sorted as encoding/json writes maps).
func revisionName(set *appsv1.StatefulSet) (string, error) {
	withType := set.DeepCopy()
	withType.APIVersion, withType.Kind = "apps/v1", "StatefulSet"
	encoded, err := json.Marshal(withType)
	if err != nil {
		return "", err
	}
	var whole struct {
		Spec struct {
			Template map[string]any `json:"template"`
		} `json:"spec"`
	}
	if err := json.Unmarshal(encoded, &whole); err != nil {
		return "", err
	}
	whole.Spec.Template["$patch"] = "replace"
	patch, err := json.Marshal(map[string]any{"spec": map[string]any{"template": whole.Spec.Template}})
	if err != nil {
		return "", err
	}
	hash := fnv.New32()
	hash.Write(patch)
	prefix := set.Name
	if len(prefix) > 223 {
		prefix = prefix[:223]
	}
	return prefix + "-" + rand.SafeEncodeString(fmt.Sprint(hash.Sum32())), nil
}
