@provision=5.6-5
Feature: 5.6-5 Only the software services needed are enabled
  The manufacturer only enables software services that are used or required for the intended
  use or operation of the device (EN 303 645 5.6-5). Every service that answers must be one the
  IXIT declares with its purpose (13-SoftServ).

  @testcase=5.6-5-2
  Scenario: 5.6-5-2 Every service that answers is declared in the IXIT with its purpose
    Given the DUT is running with its network up
    When all 65,535 TCP ports and the common UDP services of the DUT are scanned
    Then every open port is declared in the IXIT as a software service
