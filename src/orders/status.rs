//! SUAP's authorization states (seed 002), stored as SUAP's numeric codes.

crate::code_enum! {
    /// SUAP EstadoAutorizacion of an order; imports take the numbers in brackets.
    pub enum OrderAuthorizationStatus {
        /// [0] SIN_PROCESAR
        Unprocessed = 0,
        /// [1] AUTORIZADA
        Authorized = 1,
        /// [2] PARCIALMENTE_AUTORIZADA
        PartiallyAuthorized = 2,
        /// [3] REMITIDA_AUDITORIA
        ReferredToAudit = 3,
        /// [4] RECHAZADA
        Rejected = 4,
        /// [5] PARCIALMENTE_REMITIDA_AUDITORIA
        PartiallyReferredToAudit = 5,
        /// [6] AUTORIZADA_EXTRA_SISTEMA
        AuthorizedOffSystem = 6,
        /// [7] REMITIDA_AUDITORIA_ADM
        ReferredToAdminAudit = 7,
        /// [8] PARCIALMENTE_REMITIDA_AUDITORIA_ADM
        PartiallyReferredToAdminAudit = 8,
    }
}

crate::code_enum! {
    /// SUAP EstadoAutorizacion of an item; imports take the numbers in brackets.
    pub enum OrderItemAuthorizationStatus {
        /// [0] SIN_PROCESAR
        Unprocessed = 0,
        /// [1] AUTORIZADA
        Authorized = 1,
        /// [2] REMITIDA A AUDITORIA
        ReferredToAudit = 2,
        /// [3] RECHAZADA
        Rejected = 3,
        /// [6] AUTORIZADA EXTRA SISTEMA
        AuthorizedOffSystem = 6,
    }
}
