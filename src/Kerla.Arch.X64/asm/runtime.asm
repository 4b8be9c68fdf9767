; Native pieces of the runtime that ilc-compiled code links against.
bits 64
default rel

extern kerla_resolve_interface

section .data
align 8
; Read by ilc's GC polls and stack-allocation checks.
global RhpTrapThreads
RhpTrapThreads: dd 0, 0
global __security_cookie
__security_cookie: dq 0x2b992ddfa232f00d

section .rodata
align 8
dispatch_stubs:
    dq kerla_interface_dispatch_cached
    dq kerla_interface_dispatch_slow

section .text

; Interface dispatch (see Kerla.Runtime/InterfaceDispatch.cs). On entry r11 is
; the call site's cell, rdi the receiver, the other argument registers live.
global RhpInitialDynamicInterfaceDispatch
global RhpInitialInterfaceDispatch
global kerla_interface_dispatch_slow
RhpInitialDynamicInterfaceDispatch:
RhpInitialInterfaceDispatch:
kerla_interface_dispatch_slow:
    push rbp
    mov rbp, rsp
    push rdi
    push rsi
    push rdx
    push rcx
    push r8
    push r9
    sub rsp, 128
    movdqu [rsp + 0], xmm0
    movdqu [rsp + 16], xmm1
    movdqu [rsp + 32], xmm2
    movdqu [rsp + 48], xmm3
    movdqu [rsp + 64], xmm4
    movdqu [rsp + 80], xmm5
    movdqu [rsp + 96], xmm6
    movdqu [rsp + 112], xmm7
    mov rsi, r11
    lea rdx, [dispatch_stubs]
    call kerla_resolve_interface
    movdqu xmm0, [rsp + 0]
    movdqu xmm1, [rsp + 16]
    movdqu xmm2, [rsp + 32]
    movdqu xmm3, [rsp + 48]
    movdqu xmm4, [rsp + 64]
    movdqu xmm5, [rsp + 80]
    movdqu xmm6, [rsp + 96]
    movdqu xmm7, [rsp + 112]
    add rsp, 128
    pop r9
    pop r8
    pop rcx
    pop rdx
    pop rsi
    pop rdi
    pop rbp
    jmp rax

; A resolved call site: one compare against the cached type, then the target.
; Cache layout: { MethodTable* type; void* target; ... }.
global kerla_interface_dispatch_cached
kerla_interface_dispatch_cached:
    mov rax, [r11 + 8]
    mov r10, [rdi]
    cmp r10, [rax]
    jne kerla_interface_dispatch_slow
    jmp [rax + 8]

; Write barriers: a plain store (no generational collector to tell).
global RhpAssignRef
global RhpCheckedAssignRef
RhpAssignRef:
RhpCheckedAssignRef:
    mov [rdi], rsi
    ret

; Copies one reference from [rsi] to [rdi] and advances both.
global RhpByRefAssignRef
RhpByRefAssignRef:
    mov rcx, [rsi]
    mov [rdi], rcx
    add rdi, 8
    add rsi, 8
    ret

; Transitions between managed and native code: nothing to do without a GC.
global RhpReversePInvoke
global RhpReversePInvokeReturn
global RhpPInvoke
global RhpPInvokeReturn
global RhpGcPoll
RhpReversePInvoke:
RhpReversePInvokeReturn:
RhpPInvoke:
RhpPInvokeReturn:
RhpGcPoll:
    ret

; Touches each page between rsp and rax (the lowest address a frame will use),
; so a large frame meets a guard page in order.
global RhpStackProbe
RhpStackProbe:
    mov r11, rsp
    and r11, -4096
.probe:
    sub r11, 4096
    cmp r11, rax
    jb .done
    test [r11], eax
    jmp .probe
.done:
    ret

global memset
memset:
    mov r9, rdi
    mov eax, esi
    mov rcx, rdx
    rep stosb
    mov rax, r9
    ret

global memcpy
global memmove
memcpy:
memmove:
    mov rax, rdi
    mov rcx, rdx
    cmp rdi, rsi
    jbe .forward
    lea r8, [rsi + rdx]
    cmp rdi, r8
    jae .forward
    ; Overlapping with the destination above the source: copy backwards.
    lea rsi, [rsi + rdx - 1]
    lea rdi, [rdi + rdx - 1]
    std
    rep movsb
    cld
    ret
.forward:
    rep movsb
    ret
