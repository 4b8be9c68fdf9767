; Copies between kernel and user memory. A fault inside user_copy's window
; (user_copy_start .. user_copy_end) is not a kernel bug: the page-fault handler
; resumes at user_copy_fault, which returns -EFAULT (Interrupts/Traps.cs).
; With SMAP on, the kernel touches user pages only here, between stac and clac
; (instructions that do not exist without SMAP, hence the flag).
bits 64
default rel

section .bss
global x64_smap_enabled
x64_smap_enabled: resb 1

section .text

global x64_user_copy
global user_copy_start
global user_copy_end
global user_copy_fault

; x64_user_copy(dst, src, len) -> 0, or -14 (EFAULT) if a byte was not accessible.
x64_user_copy:
    mov rcx, rdx
    cmp byte [x64_smap_enabled], 0
    je user_copy_start
    stac
user_copy_start:
    rep movsb
user_copy_end:
    xor eax, eax
    jmp user_copy_done
user_copy_fault:
    mov rax, -14
user_copy_done:
    cmp byte [x64_smap_enabled], 0
    je user_copy_out
    clac
user_copy_out:
    ret

global x64_smap_flag
x64_smap_flag:
    lea rax, [x64_smap_enabled]
    ret

; The addresses of the window, for C#: start, end, fault.
global x64_user_copy_window
x64_user_copy_window:
    lea rax, [user_copy_start]
    mov [rdi], rax
    lea rax, [user_copy_end]
    mov [rdi + 8], rax
    lea rax, [user_copy_fault]
    mov [rdi + 16], rax
    ret
