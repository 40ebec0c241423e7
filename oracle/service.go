package main

import (
	"k8s.io/apimachinery/pkg/runtime"
	api "k8s.io/kubernetes/pkg/apis/core"
)

// The Service REST storage allocates cluster IPs, IP families and node ports before the strategy validates
// (beginCreate and beginUpdate in pkg/registry/core/service/storage/storage.go, allocateCreate and
// initIPFamilyFields in alloc.go). Those depend on the cluster's configuration; the oracle stands for a
// single-stack IPv4 cluster with free addresses and ports, and only fills in what the allocator would, so that
// validation and update checks see a stored Service as a real one looks. It never refuses anything itself:
// range checks (a clusterIP outside the service CIDR, a nodePort outside 30000-32767) are cluster facts, not
// manifest facts.
const (
	allocatedClusterIP  = "10.96.0.10"
	firstAllocatedPort  = 30000
	allocatedHealthPort = 32000
)

// allocateService fills the allocated fields of a Service about to be created (old nil) or updated.
func allocateService(obj, oldObj runtime.Object) {
	svc, ok := obj.(*api.Service)
	if !ok {
		return
	}
	// normalizeClusterIPs (storage.go) copies clusterIP into an empty clusterIPs on create, whatever the type, before
	// allocating: an ExternalName Service with a clusterIP is then refused by validation.
	if oldObj == nil && svc.Spec.ClusterIP != "" && len(svc.Spec.ClusterIPs) == 0 {
		svc.Spec.ClusterIPs = []string{svc.Spec.ClusterIP}
	}
	if svc.Spec.Type == api.ServiceTypeExternalName {
		return
	}
	if old, ok := oldObj.(*api.Service); ok {
		keepAllocated(svc, old)
	}
	if svc.Spec.ClusterIP != "" && len(svc.Spec.ClusterIPs) == 0 {
		svc.Spec.ClusterIPs = []string{svc.Spec.ClusterIP}
	}
	headlessWithoutSelector := svc.Spec.ClusterIP == api.ClusterIPNone && len(svc.Spec.Selector) == 0
	if svc.Spec.IPFamilyPolicy == nil {
		policy := api.IPFamilyPolicySingleStack
		if headlessWithoutSelector {
			policy = api.IPFamilyPolicyRequireDualStack
		}
		svc.Spec.IPFamilyPolicy = &policy
	}
	if len(svc.Spec.IPFamilies) == 0 {
		svc.Spec.IPFamilies = []api.IPFamily{api.IPv4Protocol}
		if headlessWithoutSelector && *svc.Spec.IPFamilyPolicy != api.IPFamilyPolicySingleStack {
			svc.Spec.IPFamilies = append(svc.Spec.IPFamilies, api.IPv6Protocol)
		}
	}
	if svc.Spec.ClusterIP == "" {
		svc.Spec.ClusterIP = allocatedClusterIP
		svc.Spec.ClusterIPs = []string{allocatedClusterIP}
	}
	if needsNodePorts(svc) {
		for i := range svc.Spec.Ports {
			if svc.Spec.Ports[i].NodePort == 0 {
				svc.Spec.Ports[i].NodePort = int32(firstAllocatedPort + i)
			}
		}
	}
	if needsHealthCheckPort(svc) && svc.Spec.HealthCheckNodePort == 0 {
		svc.Spec.HealthCheckNodePort = allocatedHealthPort
	}
}

// keepAllocated carries over what the server allocated when an update leaves it out (patchAllocatedValues).
func keepAllocated(svc, old *api.Service) {
	if old.Spec.Type != api.ServiceTypeExternalName {
		if svc.Spec.ClusterIP == "" {
			svc.Spec.ClusterIP = old.Spec.ClusterIP
		}
		if len(svc.Spec.ClusterIPs) == 0 && svc.Spec.ClusterIP == old.Spec.ClusterIP {
			svc.Spec.ClusterIPs = old.Spec.ClusterIPs
		}
		if svc.Spec.IPFamilyPolicy == nil {
			svc.Spec.IPFamilyPolicy = old.Spec.IPFamilyPolicy
		}
		if len(svc.Spec.IPFamilies) == 0 {
			svc.Spec.IPFamilies = old.Spec.IPFamilies
		}
	}
	if needsNodePorts(old) && needsNodePorts(svc) {
		byName := map[string]int32{}
		for _, port := range old.Spec.Ports {
			byName[port.Name] = port.NodePort
		}
		for i := range svc.Spec.Ports {
			if svc.Spec.Ports[i].NodePort == 0 {
				svc.Spec.Ports[i].NodePort = byName[svc.Spec.Ports[i].Name]
			}
		}
	}
	if needsHealthCheckPort(old) && needsHealthCheckPort(svc) && svc.Spec.HealthCheckNodePort == 0 {
		svc.Spec.HealthCheckNodePort = old.Spec.HealthCheckNodePort
	}
}

func needsNodePorts(svc *api.Service) bool {
	return svc.Spec.Type == api.ServiceTypeNodePort || (svc.Spec.Type == api.ServiceTypeLoadBalancer &&
		(svc.Spec.AllocateLoadBalancerNodePorts == nil || *svc.Spec.AllocateLoadBalancerNodePorts))
}

func needsHealthCheckPort(svc *api.Service) bool {
	return svc.Spec.Type == api.ServiceTypeLoadBalancer && svc.Spec.ExternalTrafficPolicy == api.ServiceExternalTrafficPolicyLocal
}
