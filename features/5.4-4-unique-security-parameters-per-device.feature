@provision=5.4-4 @cross-unit
Feature: 5.4-4 Critical security parameters for updates and services are unique per device
  Critical security parameters used for integrity and authenticity checks of software updates
  and for protection of communication with associated services in device software are unique
  per device (EN 303 645 5.4-4): what identifies a unit to its peers (its SSH host keys, its TLS
  server keys, its credential towards its cloud, identities the IXIT names) differs from unit to unit.

  @testcase=5.4-4-2
  Scenario: 5.4-4-2 No two units show the same host key, server key or service credential
    Given what every unit tested shows of its identity over the network, to its cloud and on its console
    Then no two units share an SSH host key, a TLS server key, a cloud credential or a declared identity
